/**
 * The end's line on the dispatcher's attention list (end-air-raid.ts), in Ukrainian: the alert's
 * hours, what became of its start day, of the days it lasted wholly (one phrase for all of them,
 * however many: the item's text holds 600 characters) and of the day it ended on, and the
 * messages (dropped: all the alert dropped, its days' hand-overs and the release alike, as the
 * console's log counts them).
 */
import type { AirRaidAlert, AirRaidDay, AirRaidEarlierDays } from '../../domain/entities/air-raid-alert';
import { localDate, localTimeLabel } from '../../domain/time';
import type { EndOutcome } from './end-steps';
import { dayLabel, spanWords } from './rebook-items';

export function endWords(alert: AirRaidAlert, timeZone: string, outcome: EndOutcome): string {
  const started = new Date(alert.startedAt);
  const ended = new Date(alert.endedAt ?? alert.updatedAt);
  const crossed = localDate(started, timeZone) < localDate(ended, timeZone);
  // an alert across midnight names the day it started on: «(27.11 22:00–06:00)»
  const from = `${crossed ? `${dayLabel(localDate(started, timeZone))} ` : ''}${localTimeLabel(started, timeZone)}`;
  const to = localTimeLabel(ended, timeZone);
  const replanned = outcome.dayOver
    ? `${dayWords(alert.date)} минув: не переплановано, заявок перенести ${outcome.toRebookCount ?? 0}`
    : replanWords(outcome.planVersion, outcome.error, outcome.left);
  const later = laterWords(alert.effects.days ?? [], alert.effects.earlier, timeZone, outcome.left);
  return `Відбій тривоги (${from}–${to}): ${replanned}${later}; нових вікон повідомлено ${outcome.windowsMoved}, затриманих SMS надіслано ${outcome.released}, скасовано ${alert.effects.dropped}`;
}

/**
 * The later days: those it lasted wholly (over, not planned again, their rides to rebook), one day
 * by its date, several as one phrase with their dates and totals; then the day it ended on.
 */
function laterWords(
  days: readonly AirRaidDay[],
  earlier: AirRaidEarlierDays | undefined,
  timeZone: string,
  left: boolean | undefined,
): string {
  // a day it reached after its midnight (set then), or ended on with its end finished after that
  // day's midnight, was not wholly under it: said so, apart
  const partly = days
    .filter((d) => d.wholeDay && spanWords(d, timeZone))
    .map(
      (d) =>
        `; ${dayWords(d.date)} під тривогою ${spanWords(d, timeZone)}: не переплановано, заявок перенести ${d.toRebookCount ?? 0}`,
    );
  const whole = days.filter((d) => d.wholeDay && !spanWords(d, timeZone));
  const count = (earlier?.days ?? 0) + whole.length;
  const rebook = whole.reduce((n, d) => n + (d.toRebookCount ?? 0), earlier?.toRebookCount ?? 0);
  const first = earlier?.from ?? whole[0]?.date;
  const last = whole.at(-1)?.date ?? earlier?.through;
  let words = '';
  if (count === 1 && first)
    words = `; ${dayWords(first)} увесь під тривогою: не переплановано, заявок перенести ${rebook}`;
  else if (count > 1 && first && last)
    words = `; ${count} ${daysNoun(count)} (${dayLabel(first)}–${dayLabel(last)}) увесь час під тривогою: не переплановано, заявок перенести ${rebook}`;
  const rest = days
    .filter((d) => !d.wholeDay)
    .map(
      (d) =>
        `; ${dayWords(d.date)}: ${replanWords(d.replanVersion, d.replanError, left)}, зупинок зсунуто ${d.stopsShifted}`,
    );
  return partly.join('') + words + rest.join('');
}

/** "день", "дні" or "днів", as the number before it asks. */
export function daysNoun(n: number): string {
  const tens = n % 100;
  if (n % 10 === 1 && tens !== 11) return 'день';
  if (n % 10 >= 2 && n % 10 <= 4 && (tens < 12 || tens > 14)) return 'дні';
  return 'днів';
}

/** "день 28.03" for the log. */
const dayWords = (date: string) => `день ${dayLabel(date)}`;

function replanWords(planVersion: number | undefined, error: string | undefined, left?: boolean): string {
  if (planVersion) return `маршрути переплановано (версія ${planVersion})`;
  if (left) return 'переплан — з відбоєм наступної тривоги';
  return error ? 'переплан не вдався, сплануйте день вручну' : 'плану на день немає';
}
