/** Attempts at most, per request, when commits keep meeting concurrent writers. */
export const MAX_ATTEMPTS = 6;

/** A short random pause before the next attempt, longer each time, so racing writers spread out. */
export function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(400, 20 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.floor(ms)));
}
