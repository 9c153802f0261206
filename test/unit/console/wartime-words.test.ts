import { describe, expect, it, vi } from 'vitest';
import { retryAfter, SpreadRetry } from '../../../console/air-raid-retry.js';
import {
  daysNoun,
  effectsWords,
  endedWords,
  RETRY_LABEL,
  setByWords,
  startedWords,
} from '../../../console/air-raid-words.js';
import { appliesOn, zoneIssueWords } from '../../../console/zone-words.js';
import { byId, expand, textOf } from './support/vnodes';

const effects = {
  routesPaused: ['taxi-1'],
  driversTold: [{ vehicleId: 'taxi-1', messageId: 'm1' }],
  stopsShifted: 3,
  shiftedMinutes: 12,
  held: ['m2', 'm3'],
  heldCount: 2,
  released: 1,
  dropped: 1,
  windowsMoved: 2,
};

describe('air-raid alerts and danger zones in the console, in Ukrainian', () => {
  it("tells what an ended alert did: drivers, stops and minutes, messages, the re-plan's version or why not", () => {
    const ended = { endedAt: '2026-03-02T09:40:00Z', effects: { ...effects, replanVersion: 7 } };
    expect(effectsWords(ended)).toEqual([
      'Водіїв у дорозі сповіщено: 1',
      'Маршрутів на паузі: 1',
      'Зупинок зсунуто: 3, усього на 12 хв',
      'SMS затримано: 2',
      'Після відбою надіслано: 1, відкинуто як застарілі: 1',
      'День переплановано: версія плану 7',
      'Отримувачам повідомлено новий час: 2',
    ]);
    const failed = { endedAt: '2026-03-02T09:40:00Z', effects: { ...effects, replanError: 'Plan changed' } };
    expect(endedWords(failed)).toContain('День не переплановано автоматично: сплануйте його вручну');
    expect(endedWords(failed)).not.toContain('Plan changed');
    // while it lasts: nothing about the end yet
    expect(effectsWords({ effects })).toHaveLength(4);
  });

  it('tells what an alert across midnight did: the start day kept as shifted, the later day re-planned', () => {
    const ended = {
      endedAt: '2026-03-29T04:00:00Z',
      effects: {
        ...effects,
        replanVersion: 5,
        startDayOver: true,
        days: [
          { date: '2026-03-29', stopsShifted: 4, shiftedMinutes: 50, replanVersion: 9, windowsMoved: 1 },
        ],
      },
    };
    const lines = effectsWords(ended);
    expect(lines).toContain('День початку тривоги минув: зсунутий час залишено й надіслано (версія плану 5)');
    expect(lines.at(-1)).toBe(
      '29.03: зупинок зсунуто 4 (до 50 хв); переплановано, версія плану 9; новий час повідомлено: 1',
    );
  });

  it('tells the start day over at the end of an alert across midnight: its undone rides to rebook', () => {
    const ended = {
      endedAt: '2026-03-29T04:00:00Z',
      effects: { ...effects, startDayOver: true, toRebook: ['r1'], toRebookCount: 1 },
    };
    expect(effectsWords(ended)).toContain(
      'День початку тривоги минув: не переплановано; заявок перенести: 1 (див. список уваги)',
    );
  });

  it('tells a day the alert lasted wholly: over, not planned again, its rides to rebook', () => {
    const ended = {
      endedAt: '2026-11-29T04:00:00Z',
      effects: {
        ...effects,
        startDayOver: true,
        days: [
          {
            date: '2026-11-28',
            stopsShifted: 2,
            shiftedMinutes: 400,
            windowsMoved: 0,
            wholeDay: true,
            toRebook: ['r1', 'r2', 'r3'],
            toRebookCount: 3,
          },
          { date: '2026-11-29', stopsShifted: 1, shiftedMinutes: 0, replanVersion: 4, windowsMoved: 0 },
        ],
      },
    };
    const lines = effectsWords(ended);
    expect(lines.at(-2)).toBe(
      '28.11: увесь день під тривогою, поїздки не виконано; заявок перенести: 3 (див. список уваги)',
    );
    expect(lines.at(-1)).toBe('29.11: зупинок зсунуто 1 (до 0 хв); переплановано, версія плану 4');
  });

  it('tells an alert of weeks truthfully: the folded days in one line, the drivers of every day counted', () => {
    const whole = (date: string, toRebookCount: number, dropped = 0) => ({
      date,
      stopsShifted: 2,
      shiftedMinutes: 300,
      windowsMoved: 0,
      wholeDay: true,
      toRebook: [],
      toRebookCount,
      ...(dropped ? { dropped } : {}),
    });
    const long = {
      effects: {
        ...effects,
        driversToldEarlier: 40,
        earlier: {
          days: 23,
          from: '2026-03-15',
          through: '2026-04-06',
          stopsShifted: 46,
          toRebookCount: 46,
          dropped: 1,
        },
        days: [
          whole('2026-04-07', 2, 1),
          whole('2026-04-08', 2),
          { ...whole('2026-04-09', 0), wholeDay: undefined },
        ],
      },
    };
    const lines = effectsWords(long);
    expect(lines[0]).toBe('Водіїв у дорозі сповіщено: 41');
    expect(lines).toContain(
      'Ще 23 дні тривоги раніше (15.03–06.04): увесь день під тривогою, поїздки не виконано; зупинок зсунуто: 46; заявок перенести: 46; SMS відкинуто: 1 (див. список уваги)',
    );
    // while it lasts: the days over so far, not the day in force
    expect(lines.at(-1)).toBe(
      '08.04: увесь день під тривогою, поїздки не виконано; заявок перенести: 2 (див. список уваги)',
    );
    expect(lines).toContain(
      '07.04: увесь день під тривогою, поїздки не виконано; заявок перенести: 2; SMS відкинуто: 1 (див. список уваги)',
    );
    expect([1, 2, 5, 11, 21, 22, 25].map(daysNoun)).toEqual([
      'день',
      'дні',
      'днів',
      'днів',
      'день',
      'дні',
      'днів',
    ]);
  });

  it("names the place in the file and what is wrong for the API's zone issues", () => {
    expect(
      zoneIssueWords({
        path: 'geometry.coordinates.0',
        message: 'a ring must be closed: its last position the same as its first',
      }),
    ).toBe('geometry.coordinates.0: контур не замкнено: остання точка має збігатися з першою');
    expect(
      zoneIssueWords({
        path: 'features.0.geometry.coordinates.0.1',
        message: 'expected [longitude, latitude] within Ukraine (lon 22–41, lat 44–53)',
      }),
    ).toMatch(/^features\.0\.geometry\.coordinates\.0\.1: точка поза Україною/);
    expect(zoneIssueWords({ path: '(root)', message: 'something new' })).toBe('файл: неправильне значення');
  });

  it('draws a zone only on the dates it is in force', () => {
    const zone = { from: '2026-03-01', to: '2026-03-07' };
    expect(['2026-02-28', '2026-03-01', '2026-03-07', '2026-03-08'].map((d) => appliesOn(zone, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(appliesOn({}, '2026-03-08')).toBe(true);
  });
  it('after an oblast «Тривога», says how many other hromady it reached, kept their own, or failed', () => {
    const alert = { started: true, area: { level: 'oblast', id: 'UA05' }, effects };
    const spread = {
      reached: ['Калинівська', 'Соколівська'],
      started: 2,
      alreadyUnderAlert: ['Літинська'],
      failed: [],
    };
    expect(startedWords({ ...alert, spread }, '09:05')).toBe(
      'Повітряну тривогу оголошено. Водіїв у дорозі сповіщено: 1. Тривогу області оголошено ще в 2 громадах (Калинівська, Соколівська); уже мали свою тривогу: 1 (Літинська)',
    );
    const one = { reached: ['Калинівська'], started: 0, alreadyUnderAlert: [], failed: ['Соколівська'] };
    expect(
      startedWords({ ...alert, started: false, area: { level: 'raion', id: 'r' }, spread: one }, '09:05'),
    ).toBe(
      'Тривога вже триває з 09:05. Тривогу району оголошено ще в 1 громаді (Калинівська); не вдалося оголосити в 1 громаді (Соколівська): натисніть «Оголосити там ще раз»',
    );
    // a hromada's own alert: nothing about others
    expect(startedWords(alert, '09:05')).toBe('Повітряну тривогу оголошено. Водіїв у дорозі сповіщено: 1');
  });

  it('names the hromada whose dispatcher set an alert that came from elsewhere, and the «Відбій» there', () => {
    const from = { hromadaId: 'pokrovska', hromadaName: 'Покровська', alertId: 'a1' };
    expect(setByWords({ source: 'dispatcher', startedFrom: from })).toBe('диспетчер громади «Покровська»');
    expect(setByWords({ source: 'dispatcher' })).toBe('диспетчер');
    expect(setByWords({ source: 'feed' })).toBe('стрічка тривог');
    const ended = {
      endedAt: '2026-03-02T09:40:00Z',
      effects,
      spread: { ended: ['Калинівська'], failed: [] },
    };
    expect(endedWords(ended)).toMatch(/\. Відбій також у 1 громаді \(Калинівська\)$/);
  });

  it('names the level pressed, not the area of an alert the hromada already had, and counts no zeros', () => {
    // under its own hromada-level alert, the dispatcher pressed «район»
    const own = { started: false, area: { level: 'hromada', id: 'h' }, effects };
    const spread = { reached: ['Калинівська'], started: 1, alreadyUnderAlert: [], failed: [] };
    expect(startedWords({ ...own, spread }, '09:05', 'raion')).toBe(
      'Тривога вже триває з 09:05. Тривогу району оголошено ще в 1 громаді (Калинівська)',
    );
    const none = { reached: [], started: 0, alreadyUnderAlert: ['Літинська'], failed: ['Соколівська'] };
    const words = startedWords({ ...own, spread: none }, '09:05', 'oblast');
    expect(words).toBe(
      'Тривога вже триває з 09:05. Уже мали свою тривогу: 1 (Літинська); не вдалося оголосити в 1 громаді (Соколівська): натисніть «Оголосити там ще раз»',
    );
    const failedOnly = {
      endedAt: '2026-03-02T09:40:00Z',
      effects,
      spread: { ended: [], failed: ['Соколівська'] },
    };
    const ended = endedWords(failedOnly);
    expect(ended).not.toMatch(/ 0 громад/);
    expect(ended).toMatch(
      /\. Не вдалося записати відбій у 1 громаді \(Соколівська\): там він настане автоматично протягом хвилини$/,
    );
    expect(ended).not.toContain('ще раз');
  });

  it('offers a control that starts the alert again where it failed, named as the words name it', () => {
    const answer = {
      started: false,
      spread: { reached: [], started: 0, alreadyUnderAlert: [], failed: ['Соколівська'] },
    };
    expect(retryAfter({ ...answer, spread: { ...answer.spread, failed: [] } }, 'oblast')).toBeUndefined();
    const retry = retryAfter(answer, 'raion')!;
    expect(retry).toEqual({ level: 'raion', failed: ['Соколівська'] });
    const again = vi.fn();
    const tree = expand(SpreadRetry({ retry, again }));
    const button = byId(tree, 'air-raid-retry-button')!;
    expect(button.type).toBe('button');
    expect(button.props.type).toBe('button');
    expect(textOf(button).trim()).toBe(RETRY_LABEL);
    expect(startedWords({ ...answer, effects }, '09:05', 'raion')).toContain(`«${RETRY_LABEL}»`);
    // its purpose read out with it: where the alert failed
    const what = byId(tree, String(button.props['aria-describedby']))!;
    expect(textOf(what)).toBe('Тривогу району не вдалося оголосити в: Соколівська.');
    (button.props.onClick as () => void)();
    expect(again).toHaveBeenCalledOnce();
  });
});
