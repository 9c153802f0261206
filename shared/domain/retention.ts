const DAY_S = 86_400;

/** DynamoDB TTL value (epoch seconds) `days` after `from`: when data the service no longer needs goes. */
export function expiresAfterDays(from: Date, days: number): number {
  return Math.floor(from.getTime() / 1000) + days * DAY_S;
}
