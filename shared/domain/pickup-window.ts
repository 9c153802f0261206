import type { HromadaRules } from './entities/hromada';

export interface PickupWindowInput {
  kind: 'pickup' | 'arrive-by';
  /** The requested instant (epoch ms): a pickup time or an appointment. */
  requestedMs: number;
  /** Direct driving time pickup → drop-off, seconds; absent for visits at one address. */
  directRideS?: number;
}

/** Longest ride the rules allow for a trip of this direct duration (e.g. 1.5 × direct + 10 min). */
export function maxRideSeconds(
  rules: Pick<HromadaRules, 'maxRideFactor' | 'maxRideExtraMinutes'>,
  directS: number,
) {
  return rules.maxRideFactor * directS + rules.maxRideExtraMinutes * 60;
}

/**
 * The window the dispatcher agrees with the resident. A pickup time gets ± the hromada's window;
 * an appointment gets a window that ends early enough that even the longest allowed ride
 * (shared with others) arrives on time. Planning later narrows it with real routes.
 */
export function pickupWindow(
  rules: Pick<HromadaRules, 'pickupWindowMinutes' | 'maxRideFactor' | 'maxRideExtraMinutes'>,
  input: PickupWindowInput,
): { startMs: number; endMs: number } {
  const half = rules.pickupWindowMinutes * 60_000;
  if (input.kind === 'pickup') return { startMs: input.requestedMs - half, endMs: input.requestedMs + half };
  if (input.directRideS === undefined) {
    // A visit with an appointment: be there by then.
    return { startMs: input.requestedMs - 2 * half, endMs: input.requestedMs };
  }
  const endMs = input.requestedMs - Math.ceil(maxRideSeconds(rules, input.directRideS) / 60) * 60_000;
  return { startMs: endMs - 2 * half, endMs };
}
