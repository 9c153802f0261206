// Times as the dispatcher reads them: Kyiv time, whatever the browser's or the machine's zone.

const KYIV = 'Europe/Kyiv';
const timeFmt = new Intl.DateTimeFormat('uk-UA', { timeZone: KYIV, hour: '2-digit', minute: '2-digit' });
const stampFmt = new Intl.DateTimeFormat('uk-UA', {
  timeZone: KYIV,
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: KYIV });
const longDayFmt = new Intl.DateTimeFormat('uk-UA', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** An instant as Kyiv time of day (09:30). */
export const when = (iso) => timeFmt.format(new Date(iso));
/** An instant as Kyiv day and time (24.11, 09:30). */
export const stamp = (iso) => stampFmt.format(new Date(iso));
/** Today's date in Kyiv (YYYY-MM-DD). */
export const kyivToday = (now = new Date()) => dayFmt.format(now);
/** A local date moved by whole days. */
export function addDays(date, days) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** Tomorrow in Kyiv (not in the browser's time zone). */
export const kyivTomorrow = (now = new Date()) => addDays(kyivToday(now), 1);
/** A local date in words: «четвер, 3 грудня». */
export const dayInWords = (date) => longDayFmt.format(new Date(`${date}T12:00:00Z`));
/** Minutes since Kyiv midnight of an instant (for the board's timeline). */
export function kyivMinutes(iso) {
  const [h, m] = when(iso).split(':').map(Number);
  return h * 60 + m;
}
