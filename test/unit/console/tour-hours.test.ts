import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { placeRow, tourRequest } from '../../../console/tour-form-words.js';
import {
  dayRows,
  hoursProblem,
  usualHours,
  withCommonHoursOn,
  withDay,
  withSameHoursEveryDay,
} from '../../../console/tour-hours.js';
import { TourHoursFields } from '../../../console/tour-hours-fields.js';
import { planTour } from '../../../console/tour-plan.js';
import { MAX_TOUR_DAYS, periodProblem, tourDates } from '../../../console/tour-words.js';
import { tourCreateSchema } from '../../../shared/domain/entities/tour';
import { type FakeAnswer, settle, stubFetch } from './support/fake-fetch';
import { allOf, byId, expand, textOf } from './support/vnodes';

/**
 * The tour plan form's working hours (console/tour-hours.js): one quick setting for every day,
 * each day's own start and end, a day dropped; checked in Ukrainian before sending, and the POST
 * carries each day with its own hours (Kyiv wall-clock, as the API takes them).
 */
// Monday 1 – Friday 5 March 2027
const FROM = '2027-03-01';
const TO = '2027-03-05';
const WEEK = tourDates(FROM, TO, true);
const [MON, TUE, WED, THU, FRI] = WEEK as [string, string, string, string, string];

interface Row {
  date: string;
  start: string;
  end: string;
  own: boolean;
  off: boolean;
}

const form = (extra: Record<string, unknown> = {}) => ({
  from: FROM,
  to: TO,
  weekdaysOnly: true,
  start: '08:00',
  end: '18:00',
  dayHours: {},
  name: 'Тиждень бригади',
  vehicle: { name: 'Бригада 1', plate: '' },
  depot: placeRow({ name: 'Вінниця', location: { lat: 49.2331, lon: 28.4682 } }),
  places: [{ ...placeRow(), name: 'Готель «Поділля»', lat: '49,0587', lon: '28,1056' }],
  ...extra,
});

/** The brigade's real week: a late Monday after the drive, Wednesday off, a short Friday. */
function realWeek() {
  let f = form();
  f = withDay(f, MON, { start: '11:00' });
  f = withDay(f, WED, { off: true });
  f = withDay(f, FRI, { end: '14:00' });
  return f;
}

describe("each day's hours on the tour plan form", () => {
  it('every day takes the quick setting until the user sets its own; changing the setting moves only the others', () => {
    let f = realWeek();
    f = { ...f, start: '07:30', end: '17:00' };
    expect(dayRows(f, WEEK).map((r: Row) => [r.date, r.start, r.end, r.off])).toEqual([
      // a day the user changed keeps both its hours, as they were shown when it was changed
      [MON, '11:00', '18:00', false],
      [TUE, '07:30', '17:00', false],
      [WED, '07:30', '17:00', true],
      [THU, '07:30', '17:00', false],
      [FRI, '08:00', '14:00', false],
    ]);
    // «Як щодня» puts one day back on the setting (a dropped day stays dropped)
    expect(dayRows(withCommonHoursOn(f, FRI), WEEK)[4]).toMatchObject({
      start: '07:30',
      end: '17:00',
      own: false,
    });
    expect(dayRows(withCommonHoursOn(f, WED), WEEK)[2]?.off).toBe(true);
    // «Однакові години для всіх робочих днів»: every day on the setting; Wednesday stays dropped
    expect(dayRows(withSameHoursEveryDay(f), WEEK).map((r: Row) => [r.own, r.off])).toEqual([
      [false, false],
      [false, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
  });

  it('refuses, in Ukrainian, a day that ends before it starts (named), a wrong setting, and no day left', () => {
    expect(hoursProblem(realWeek(), WEEK)).toBeUndefined();
    expect(hoursProblem(withDay(realWeek(), FRI, { end: '10:00', start: '12:00' }), WEEK)).toBe(
      'Робочий день пʼятниця, 5 березня (2027-03-05) має закінчуватися пізніше, ніж починається',
    );
    expect(hoursProblem(withDay(realWeek(), THU, { end: '' }), WEEK)).toMatch(/^Робочий день четвер/);
    expect(hoursProblem(form({ start: '18:00', end: '08:00' }), WEEK)).toBe(
      'Робочий день має закінчуватися пізніше, ніж починається',
    );
    // a wrong day that is dropped, or a wrong setting no working day keeps, is no problem
    expect(
      hoursProblem(withDay(withDay(form(), TUE, { start: '19:00' }), TUE, { off: true }), WEEK),
    ).toBeUndefined();
    const allOwn = WEEK.reduce((f, d) => withDay(f, d, { start: '09:00', end: '15:00' }), form());
    expect(hoursProblem({ ...allOwn, start: '18:00', end: '08:00' }, WEEK)).toBeUndefined();
    const none = WEEK.reduce((f, d) => withDay(f, d, { off: true }), form());
    expect(hoursProblem(none, WEEK)).toBe('Залиште в турі хоча б один робочий день');
    expect(tourRequest(none, WEEK, 'vinnytska')).toEqual({
      problem: 'Залиште в турі хоча б один робочий день',
      field: `tour-day-${MON}-on`,
    });
  });

  it('a multi-day tour needs a night even when only the days kept make it one; a single day kept does not', () => {
    const single = WEEK.slice(1).reduce((f, d) => withDay(f, d, { off: true }), form({ places: [] }));
    expect(tourRequest(single, WEEK, 'vinnytska').problem).toBeUndefined();
    expect(tourRequest(form({ places: [] }), WEEK, 'vinnytska').problem).toBe(
      'Тур на кілька днів потребує хоча б одного місця ночівлі',
    );
  });

  it('a new form starts from the hours most of the last tour had, not its first day', () => {
    const days = [
      { start: '11:00', end: '18:00' },
      { start: '08:00', end: '17:00' },
      { start: '08:00', end: '17:00' },
    ];
    expect(usualHours(days)).toEqual({ start: '08:00', end: '17:00' });
    expect(usualHours(undefined)).toEqual({ start: '08:00', end: '18:00' });
  });
});

/** The hours fields as the page would show them for `f` (no DOM: support/vnodes.ts). */
const fieldsOf = (f: ReturnType<typeof form>, dates: string[] | undefined, problem?: string) =>
  expand(TourHoursFields({ form: f, setForm: () => {}, dates, periodProblem: problem }));

describe('the hours fields tell what is wrong, where', () => {
  it('a wrong quick setting marks the setting alone, not every day that follows it; a day with its own wrong hours is marked', () => {
    let f = form({ start: '18:00', end: '08:00' });
    f = withDay(f, TUE, { start: '12:00', end: '10:00' });
    f = withDay(f, THU, { start: '09:00', end: '15:00' });
    const tree = fieldsOf(f, WEEK);
    expect(byId(tree, 'tour-end')?.props['aria-invalid']).toBe('true');
    const marked = WEEK.filter((d) => byId(tree, `tour-day-${d}-end`)?.props['aria-invalid'] === 'true');
    expect(marked).toEqual([TUE]);
    expect(WEEK.filter((d) => byId(tree, `tour-day-${d}-issue`))).toEqual([TUE]);
    // the setting put right: nothing on it, the wrong day still marked
    const right = fieldsOf({ ...f, start: '08:00', end: '18:00' }, WEEK);
    expect(byId(right, 'tour-end')?.props['aria-invalid']).toBeUndefined();
    expect(byId(right, `tour-day-${TUE}-end`)?.props['aria-invalid']).toBe('true');
  });

  it('a refused form names the first field to put right, one the form shows (the page moves focus there)', () => {
    const fieldOf = (f: ReturnType<typeof form>, dates = WEEK) => tourRequest(f, dates, 'vinnytska').field;
    const hours: Array<[ReturnType<typeof form>, string]> = [
      [form({ start: '18:00', end: '08:00' }), 'tour-end'],
      [withDay(realWeek(), FRI, { start: '15:00' }), `tour-day-${FRI}-end`],
      [WEEK.reduce((f, d) => withDay(f, d, { off: true }), form()), `tour-day-${MON}-on`],
    ];
    for (const [f, field] of hours) {
      expect(fieldOf(f)).toBe(field);
      expect(byId(fieldsOf(f, WEEK), field), field).toBeDefined();
    }
    expect(fieldOf(form({ vehicle: { name: ' ', plate: '' } }))).toBe('tour-vehicle-name');
    expect(fieldOf(form({ depot: { ...form().depot, lon: '50' } }))).toBe('tour-depot-lon');
    expect(fieldOf(form({ depot: { ...form().depot, lat: 'x' } }))).toBe('tour-depot-lat');
    const places = [{ ...placeRow(), name: 'Готель', lat: '49,05', lon: '' }];
    expect(fieldOf(form({ places }))).toBe('tour-night-0-lon');
    expect(fieldOf(form({ to: '' }), [])).toBe('tour-to');
    expect(fieldOf(form({ from: '' }), [])).toBe('tour-from');
    expect(tourRequest(realWeek(), WEEK, 'vinnytska').field).toBeUndefined();
  });

  it('a period too long: no day rows, and the form says the limit of days, not «choose a period»', () => {
    const long = tourDates('2027-03-01', '2027-03-31', true);
    const problem = periodProblem('2027-03-01', '2027-03-31', long);
    expect(problem).toBe(`Тур — не більше ${MAX_TOUR_DAYS} робочих днів (у періоді ${long.length})`);
    const tree = fieldsOf(form({ to: '2027-03-31' }), undefined, problem);
    expect(allOf(tree, 'fieldset')).toHaveLength(1);
    expect(textOf(byId(tree, 'tour-days-none') ?? null)).toBe(
      `${problem}. Години окремих днів можна буде задати, коли період буде правильний.`,
    );
  });

  it('«Однакові години для всіх робочих днів» is offered only when a working day has its own hours, and keeps the dropped days dropped', () => {
    expect(byId(fieldsOf(withDay(form(), WED, { off: true }), WEEK), 'tour-same-hours')).toBeUndefined();
    const tree = fieldsOf(realWeek(), WEEK);
    expect(textOf(byId(tree, 'tour-same-hours') ?? null).trim()).toBe(
      'Однакові години для всіх робочих днів',
    );
    const even = withSameHoursEveryDay(realWeek());
    expect(tourRequest(even, WEEK, 'vinnytska').body?.days.map((d: { date: string }) => d.date)).toEqual([
      MON,
      TUE,
      THU,
      FRI,
    ]);
  });
});

describe('the POST carries each working day with its own hours', () => {
  let answers: FakeAnswer[];
  let bodies: unknown[];
  beforeEach(() => {
    vi.useFakeTimers();
    answers = [];
    bodies = [];
    stubFetch(
      () => answers.shift(),
      (call, init) => {
        if (call.method === 'POST') bodies.push(JSON.parse(String(init.body)));
      },
      () => ({ status: 500 }),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends the late Monday, the short Friday, no Wednesday; the API schema takes it as sent', async () => {
    const { body, problem } = tourRequest(realWeek(), WEEK, 'vinnytska');
    expect(problem).toBeUndefined();
    answers = [{ status: 201, body: { id: 't1', days: [], unassigned: [] } }];
    expect(await settle(planTour('ocss', body!))).toEqual({ status: 'fulfilled', value: 't1' });
    expect(bodies).toHaveLength(1);
    const sent = bodies[0] as { days: unknown };
    expect(sent.days).toEqual([
      { date: MON, start: '11:00', end: '18:00' },
      { date: TUE, start: '08:00', end: '18:00' },
      { date: THU, start: '08:00', end: '18:00' },
      { date: FRI, start: '08:00', end: '14:00' },
    ]);
    expect(tourCreateSchema.parse(sent).days).toEqual(sent.days);
  });
});
