import { hromadaPk } from './layout';

/** Pattern 17: a rate-limit hold (e.g. one help reply an hour per sender). */
export const onceKey = (key: string) => ({ pk: `ONCE#${key}`, sk: 'ONCE' });

/** Pattern 23: an Idempotency-Key's record, scoped by hromada and caller (escaped, so `#` cannot blur them). */
export const idempotencyKey = (hromadaId: string, caller: string, key: string) => ({
  pk: `IDEMPOTENCY#${hromadaId}#${encodeURIComponent(caller)}#${key}`,
  sk: 'IDEMPOTENCY',
});

/** Pattern 24: the guard of one resident's bookings on one service date. */
export const residentDayKey = (hromadaId: string, residentId: string, date: string) => ({
  pk: `RESIDENT#${hromadaId}#${residentId}`,
  sk: `DAY#${date}`,
});

/** Pattern 13: a hromada's SMS budget spent on one date. */
export const smsDayKey = (hromadaId: string, date: string) => ({
  pk: hromadaPk(hromadaId),
  sk: `SMSDAY#${date}`,
});

/** Pattern 38: a hromada's SMS month (segments, estimated and receipted cost, held back). */
export const smsMonthKey = (hromadaId: string, month: string) => ({
  pk: hromadaPk(hromadaId),
  sk: `SMSMONTH#${month}`,
});

/** A month's counter is kept about 13 months (a year of reports back), then TTL removes it. */
export const smsMonthTtl = (month: string): number =>
  Math.floor(Date.parse(`${month}-01T00:00:00Z`) / 1000) + 400 * 86400;

/** Pattern IJ1/IJ2: a CSV import job, in its hromada's partition. */
export const importJobKey = (hromadaId: string, jobId: string) => ({
  pk: hromadaPk(hromadaId),
  sk: `IMPORTJOB#${jobId}`,
});
/** An import job is kept 30 days after it was created (its report), then TTL deletes it. */
export const importJobTtl = (createdAt: string) => Math.floor(Date.parse(createdAt) / 1000) + 30 * 86_400;
