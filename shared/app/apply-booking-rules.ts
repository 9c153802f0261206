import { type BookingFacts, checkBooking, monthOf } from '../domain/booking-rules';
import type { AuditEntry } from '../domain/entities/audit-entry';
import type { Hromada } from '../domain/entities/hromada';
import type { Resident } from '../domain/entities/resident';
import type { ServiceRequest } from '../domain/entities/service-request';
import type { Vehicle } from '../domain/entities/vehicle';
import { ForbiddenError, RuleRefusalError } from '../domain/errors';
import { registryKinds } from '../domain/registry';
import { addDays, localDate } from '../domain/time';
import type { Ports } from '../ports/ports';

/** Pages of a resident's trips read at most (pattern 6, 100 a page): far above a month's rides. */
const MAX_TRIP_PAGES = 10;

export interface RuleOutcome {
  /** Warnings for the dispatcher (Ukrainian), returned with the booking. */
  warnings: string[];
  /** Set when the rules say the booking must be confirmed by phone first: it stays `requested`. */
  confirmFirst?: string;
  /** What goes into the booking's audit entry when an admin overrode refusals. */
  override?: NonNullable<AuditEntry['override']>;
}

export interface RuleInput {
  hromada: Hromada;
  resident: Resident;
  request: BookingFacts['request'];
  override?: { reason: string };
  /** The caller is an admin (only admins may override). */
  admin: boolean;
  /** An edit: the request being edited, left out of the resident's trips (it is not a new ride). */
  editing?: string;
}

/**
 * The hromada's rules at booking (shared/domain/booking-rules.ts) with the reads they need: the
 * resident's trips back to the month's start or the no-show period's (pattern 6, newest first,
 * bounded) and the hromada's vehicles (pattern 2). The first refusal is thrown as a
 * RuleRefusalError (422) unless an admin overrides it; a dispatcher sending `override` gets 403.
 */
export async function applyBookingRules(
  ports: Pick<Ports, 'entities' | 'clock'>,
  input: RuleInput,
): Promise<RuleOutcome> {
  const { hromada, resident, request, override } = input;
  if (override && !input.admin) throw new ForbiddenError('Only an admin may override the rules');
  const now = ports.clock.now();
  const noShowFrom = addDays(localDate(now, hromada.timeZone), -hromada.rules.noShow.periodDays);
  const from = [monthOf(request.date).from, noShowFrom].sort()[0]!;
  const [trips, vehicles] = await Promise.all([
    tripsSince(ports, hromada.id, resident.id, from),
    allVehicles(ports, hromada.id),
  ]);
  const verdict = checkBooking({
    rules: hromada.rules,
    timeZone: hromada.timeZone,
    now,
    request,
    resident,
    trips: input.editing ? trips.filter((t) => t.id !== input.editing) : trips,
    vehicles,
  });
  const first = verdict.refusals[0];
  if (first && !override) throw new RuleRefusalError(first.code, first.message, first.reason);
  return {
    warnings: verdict.warnings,
    ...(verdict.confirmFirst ? { confirmFirst: verdict.confirmFirst } : {}),
    ...(first && override
      ? { override: { codes: verdict.refusals.map((r) => r.code), reason: override.reason } }
      : {}),
  };
}

/** Pattern 6 newest first, stopping at the first page that reaches back before `from`. */
async function tripsSince(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  residentId: string,
  from: string,
): Promise<ServiceRequest[]> {
  const trips: ServiceRequest[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_TRIP_PAGES; page += 1) {
    const got = await ports.entities.requests.byResident(hromadaId, residentId, { limit: 100, cursor });
    trips.push(...got.items.filter((t) => t.date >= from));
    cursor = got.next;
    if (!cursor || got.items.some((t) => t.date < from)) break;
  }
  return trips;
}

async function allVehicles(ports: Pick<Ports, 'entities'>, hromadaId: string): Promise<Vehicle[]> {
  const vehicles: Vehicle[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.entities.registry.list(registryKinds.vehicles, hromadaId, {
      limit: 100,
      cursor,
    });
    vehicles.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return vehicles;
}
