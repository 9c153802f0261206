// Regional tours in the console's words (docs/services/regional-tours.md): pure helpers for the
// «Виїзні тури» view, the planning job's progress and the days a period plans.
import { addDays, dayInWords } from './kyiv.js';

/** What the API answers for another hromada's stop (shared/app/tours/tour-views.ts). */
export const OTHER_HROMADA = 'візит в іншій громаді';
export const CONFIDENTIAL = 'конфіденційно';
/** At most this many working days a tour (shared/domain/entities/tour.ts). */
export const MAX_TOUR_DAYS = 10;

/** A place of the tour (the depot or an overnight place) by its id, in words. */
export function placeName(tour, id) {
  if (tour.depot?.id === id) return `база: ${tour.depot.name}`;
  return tour.overnightPlaces?.find((p) => p.id === id)?.name ?? id;
}

/** Where a day starts and ends: «база → ночівля». */
export function dayRoute(tour, day) {
  return `${placeName(tour, day.from)} → ${placeName(tour, day.to)}`;
}

/** Where the brigade sleeps after the day, or undefined on the last day (back at the depot). */
export function nightAfter(tour, day) {
  return day.to === tour.depot?.id ? undefined : placeName(tour, day.to);
}

/**
 * A visit as a reader may see it: only what the API gave. A confidential visit the API did not
 * clear (or a reader the console does not show it to: `clear` false) reads «конфіденційно»; the
 * console never fills a name or an address in from elsewhere.
 */
export function visitWords(visit, clear = true) {
  const hidden = visit.confidential && (!clear || visit.address === CONFIDENTIAL);
  const parts = [visit.settlementName];
  if (hidden) parts.push(CONFIDENTIAL);
  else {
    if (visit.residentName) parts.push(visit.residentName);
    if (visit.address) parts.push(visit.address);
    if (visit.purpose) parts.push(visit.purpose);
  }
  return parts.filter(Boolean).join(', ');
}

/** A visit's window and duration: «вікно 09:00–12:00, 60 хв». */
export const windowWords = (w, minutes) => `вікно ${w.from}–${w.to}, ${minutes} хв`;

/** The dates from `from` to `to` (both included), weekends left out when `weekdaysOnly`. */
export function tourDates(from, to, weekdaysOnly) {
  const dates = [];
  for (let d = from; d <= to && dates.length <= 366; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (!weekdaysOnly || (weekday !== 0 && weekday !== 6)) dates.push(d);
  }
  return dates;
}

/** Why a period cannot be a tour, in Ukrainian; undefined when it can. */
export function periodProblem(from, to, dates) {
  if (!from || !to) return 'Вкажіть період туру';
  if (to < from) return 'Кінець періоду раніше за початок';
  if (dates.length === 0) return 'У цьому періоді немає робочих днів';
  if (dates.length > MAX_TOUR_DAYS)
    return `Тур — не більше ${MAX_TOUR_DAYS} робочих днів (у періоді ${dates.length})`;
  return undefined;
}

/** The job's state as the API names it (`state`, or `status`). */
const stateOf = (job) => job?.state ?? job?.status;
const RUNNING = ['queued', 'pending', 'running', 'started', 'in-progress'];
/** Whether a planning job has not ended yet. */
export const jobRunning = (job) => RUNNING.includes(stateOf(job));
/** Whether a planning job ended without a tour. */
export const jobFailed = (job) => !jobRunning(job) && !tourIdOfJob(job);

/** The tour a finished job made. */
export const tourIdOfJob = (job) =>
  job?.tourId ?? job?.result?.tourId ?? job?.result?.id ?? job?.tour?.id ?? undefined;

/** Why a job failed, in Ukrainian (the API's reason when it gives one). */
export function jobFailure(job) {
  const error = job?.error;
  const reason = (typeof error === 'object' ? error?.reason : undefined) ?? job?.reason;
  return reason ? `Тур не сплановано: ${reason}` : 'Тур не сплановано: планування не вдалося';
}

/** A running job in words: «Планую тур… 3 с з 5, днів 2 з 5». */
export function jobProgress(job) {
  const p = job?.progress ?? {};
  const parts = [];
  if (typeof p.elapsedMs === 'number')
    parts.push(`${Math.round(p.elapsedMs / 1000)} с${job.seconds ? ` з ${job.seconds}` : ''}`);
  const done = p.daysDone ?? p.done ?? p.solved;
  const total = p.days ?? p.total ?? p.of;
  if (typeof done === 'number' && typeof total === 'number') parts.push(`виконано ${done} з ${total}`);
  if (typeof p.unassigned === 'number') parts.push(`поза туром ${p.unassigned}`);
  const state = stateOf(job) === 'queued' || stateOf(job) === 'pending' ? ' (у черзі)' : '';
  return `Планую тур…${state}${parts.length ? ` ${parts.join(', ')}` : ''}`;
}

/** A tour in one line for the list: «Назва: 9–13 березня, 5 днів». */
export function tourLine(tour) {
  const days = tour.days ?? [];
  const first = days[0]?.date;
  const last = days[days.length - 1]?.date;
  const period = first
    ? first === last
      ? dayInWords(first)
      : `${dayInWords(first)} — ${dayInWords(last)}`
    : '';
  const stops = days.reduce((n, d) => n + (d.stops?.length ?? 0), 0);
  return `${tour.name}: ${period}; днів ${days.length}, візитів ${stops}, поза туром ${tour.unassigned?.length ?? 0}`;
}

/**
 * What the status line (a live region) says of a job: only its state, so that a screen reader
 * hears it when the state changes (queued → running), not at each poll; the progress goes to
 * the form's `<progress>` (`jobShare`) and its non-live text (`jobProgress`).
 */
export function jobStateWords(job) {
  const state = stateOf(job);
  return state === 'queued' || state === 'pending' ? 'Тур у черзі на планування…' : 'Планую тур…';
}

/** The job's progress for a `<progress>`: `{ value, max }` in seconds, or undefined (unknown). */
export function jobShare(job) {
  const elapsed = job?.progress?.elapsedMs;
  if (typeof elapsed !== 'number' || !(job?.seconds > 0)) return undefined;
  return { value: Math.min(elapsed / 1000, job.seconds), max: job.seconds };
}
