// Each working day's hours on the tour plan form (console/tours-provider.js), pure. A brigade's
// week is not uniform: a shorter Friday, a late start after a long drive from the depot, a day
// off in the middle. The form keeps one quick setting, the same hours every day (`form.start`,
// `form.end`), and each day the user changed: its own start and end, or the day dropped
// (`form.dayHours[date]`). Times are Kyiv wall-clock «ГГ:ХХ», as the API takes them
// (shared/domain/entities/tour.ts: `days[].start/end`, local time).
import { dayInWords } from './kyiv.js';

/** The quick setting's words when it is wrong (every day that keeps it is). */
export const COMMON_HOURS_PROBLEM = 'Робочий день має закінчуватися пізніше, ніж починається';
export const NO_WORKING_DAY = 'Залиште в турі хоча б один робочий день';

/** The quick setting a new form starts from: the hours most of the last tour's days had. */
export function usualHours(days) {
  const counts = new Map();
  for (const d of days ?? []) counts.set(`${d.start}-${d.end}`, (counts.get(`${d.start}-${d.end}`) ?? 0) + 1);
  const [usual] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['08:00-18:00'];
  const [start, end] = usual.split('-');
  return { start, end };
}

/**
 * One day's hours: its own when the user set them (`own`), else the quick setting's; `off` when
 * the user dropped the day.
 * @returns {{ date: string, start: string, end: string, own: boolean, off: boolean }}
 */
export function dayHours(form, date) {
  const set = form.dayHours?.[date];
  const own = set?.start !== undefined && set?.end !== undefined;
  return {
    date,
    start: own ? set.start : form.start,
    end: own ? set.end : form.end,
    own,
    off: set?.off === true,
  };
}

/** The rows of the period's dates, in order. */
export const dayRows = (form, dates) => dates.map((date) => dayHours(form, date));

/** A day's end is not after its start (an empty time is neither). */
export const hoursWrong = (row) => !row.start || !row.end || !(row.start < row.end);

/**
 * Whether a day's own fields are to be marked wrong: a working day with its own hours wrong. A day
 * on the quick setting is not: when the setting is wrong, the setting alone is marked.
 */
export const dayFlagged = (row) => !row.off && row.own && hoursWrong(row);

/** The form with one day changed: `{ start }` or `{ end }` makes its hours its own; `{ off }` drops or keeps it. */
export function withDay(form, date, change) {
  const row = dayHours(form, date);
  const hours = 'start' in change || 'end' in change || row.own;
  const next = {
    ...(hours ? { start: change.start ?? row.start, end: change.end ?? row.end } : {}),
    ...((change.off ?? row.off) ? { off: true } : {}),
  };
  return { ...form, dayHours: { ...form.dayHours, [date]: next } };
}

/** The form with a day back on the quick setting's hours (still dropped if it was). */
export function withCommonHoursOn(form, date) {
  const row = dayHours(form, date);
  return { ...form, dayHours: { ...form.dayHours, [date]: row.off ? { off: true } : {} } };
}

/**
 * The form with every working day back on the quick setting's hours; a dropped day stays dropped
 * (a day off is its own choice, not an hour: the user who evens out the hours has not asked for
 * it back).
 */
export const withSameHoursEveryDay = (form) => ({
  ...form,
  dayHours: Object.fromEntries(
    Object.entries(form.dayHours ?? {})
      .filter(([, set]) => set?.off === true)
      .map(([date]) => [date, { off: true }]),
  ),
});

/** Whether any working day of the period has its own hours. */
export const anyOwnHours = (form, dates) => dayRows(form, dates).some((r) => r.own && !r.off);

/** A day in the form's words: «пʼятниця, 5 березня (2027-03-05)». */
export const dayName = (date) => `${dayInWords(date)} (${date})`;

/** The id of a day's field (tour-hours-fields.js): `on` (works that day), `start` or `end`. */
export const dayFieldId = (date, field) => `tour-day-${date}-${field}`;

/**
 * Why the hours cannot be sent, in Ukrainian, and the id of the field to put right (the first
 * one wrong): `{ problem, field }`; undefined when they can be sent.
 */
export function hoursIssue(form, dates) {
  const working = dayRows(form, dates).filter((r) => !r.off);
  if (dates.length > 0 && working.length === 0)
    return { problem: NO_WORKING_DAY, field: dayFieldId(dates[0], 'on') };
  if (working.some((r) => !r.own) && hoursWrong({ start: form.start, end: form.end }))
    return { problem: COMMON_HOURS_PROBLEM, field: form.start ? 'tour-end' : 'tour-start' };
  const wrong = working.find(hoursWrong);
  if (wrong)
    return {
      problem: `Робочий день ${dayName(wrong.date)} має закінчуватися пізніше, ніж починається`,
      field: dayFieldId(wrong.date, wrong.start ? 'end' : 'start'),
    };
  return undefined;
}

/** Why the hours cannot be sent, in Ukrainian; undefined when they can. */
export const hoursProblem = (form, dates) => hoursIssue(form, dates)?.problem;

/** What stands in for the day rows while the period is not one: what is wrong with it. */
export const noDayRowsWords = (periodProblem) =>
  `${periodProblem}. Години окремих днів можна буде задати, коли період буде правильний.`;

/** The request's days: each working day with its own hours, the dropped ones left out. */
export const tourDaysOf = (form, dates) =>
  dayRows(form, dates)
    .filter((r) => !r.off)
    .map(({ date, start, end }) => ({ date, start, end }));
