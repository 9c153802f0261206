/**
 * Times are stored as UTC ISO strings and shown in the hromada's zone (Europe/Kyiv), correct
 * across daylight-saving changes (last Sunday of March / October). Uses Intl only: no tz library.
 */
export const KYIV = 'Europe/Kyiv';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(instant: Date, timeZone = KYIV): LocalParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Offset of the zone from UTC at that instant, in minutes (Kyiv: +120 in winter, +180 in summer). */
export function zoneOffsetMinutes(instant: Date, timeZone = KYIV): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The UTC instant of a local wall-clock time. In the spring-forward gap (03:00–03:59 does not
 * exist in Kyiv) the time moves forward by the gap; in the autumn overlap the earlier one is used.
 */
export function localToUtc(date: string, time: string, timeZone = KYIV): Date {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) throw new RangeError(`bad local date/time: ${date} ${time}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // Offsets just before and after: choose the one that maps back to the wall time.
  const before = zoneOffsetMinutes(new Date(wall - 12 * 3600_000), timeZone);
  const after = zoneOffsetMinutes(new Date(wall + 12 * 3600_000), timeZone);
  const first = new Date(wall - Math.max(before, after) * 60000);
  const firstParts = localParts(first, timeZone);
  if (firstParts.hour === Number(t[1]) && firstParts.minute === Number(t[2])) return first;
  return new Date(wall - Math.min(before, after) * 60000);
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, timeZone = KYIV): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `10:05` */
export function localTimeLabel(instant: Date, timeZone = KYIV): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `24.11` */
export function localDayLabel(instant: Date, timeZone = KYIV): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.day)}.${pad(p.month)}`;
}

/** Add whole days to a YYYY-MM-DD date (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = DATE.exec(date);
  if (!d) throw new RangeError(`bad date: ${date}`);
  const t = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days));
  return t.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
