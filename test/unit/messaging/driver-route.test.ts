import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/messaging/segments';
import { driverRoute, ROUTE_MESSAGE_MAX, type RouteStopText } from '../../../shared/messaging/templates';
import { transliterate } from '../../../shared/messaging/transliterate';

describe('transliteration (CMU Resolution No. 55, 2010)', () => {
  it.each([
    ['Згорани', 'Zghorany'],
    ['Розгон', 'Rozghon'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гайдамаки', 'Haidamaky'],
    ['Київ', 'Kyiv'],
    ['Юрій', 'Yurii'],
    ['Щербухи', 'Shcherbukhy'],
    ['Яготин', 'Yahotyn'],
    ['Знам’янка', 'Znamianka'],
    ["Мар'яна", 'Mariana'],
    ['Хмільник', 'Khmilnyk'],
    ['ЩЕРБУХИ', 'SHCHERBUKHY'],
    ['с. Березна, вул. Шевченка, 12 (візок)', 's. Berezna, vul. Shevchenka, 12 (vizok)'],
    ['«Мобільний кейс» № 3 — 10:00…', '"Mobilnyi keis" No 3 - 10:00...'],
  ])('%s → %s', (ua, latin) => {
    expect(transliterate(ua)).toBe(latin);
  });

  it('always gives GSM-7 text', () => {
    expect(countSegments(transliterate('Їжак ґудзик є ЇЖАК ґ ü 😀 ъ')).encoding).toBe('GSM-7');
  });
});

const stop = (n: number, extra: Partial<RouteStopText> = {}): RouteStopText => ({
  n,
  time: '09:05',
  kind: 'pickup',
  place: 'с. Березна, вул. Шевченка, 12',
  ...extra,
});

describe('the driver route SMS', () => {
  it('numbers the stops, marks wheelchairs and escorts, and hides a confidential address', () => {
    const [text, ...rest] = driverRoute('24.11', 'АВ1234ВС', [
      stop(1, { wheelchair: true, escorts: 1 }),
      stop(2, { kind: 'dropoff', place: 'м. Хмільник, вул. Монастирська, 71', time: '09:40' }),
      stop(3, { kind: 'visit', place: undefined, time: '11:00' }),
      stop(4, { kind: 'visit', time: '12:00', parcelKg: 12, cold: true }),
    ]);
    expect(rest).toEqual([]);
    expect(text).toBe(
      [
        '24.11 АВ1234ВС, 4 зуп. Звіт: 3 OK/NS/?',
        '1 09:05 посадка с. Березна, вул. Шевченка, 12 (візок +1)',
        '2 09:40 висадка м. Хмільник, вул. Монастирська, 71',
        '3 11:00 візит адресу дасть диспетчер',
        '4 12:00 візит с. Березна, вул. Шевченка, 12 (12 кг холод)',
      ].join('\n'),
    );
    // UCS-2: 4 segments; the same text transliterated fits in 2 GSM-7 segments
    expect(countSegments(text!)).toMatchObject({ encoding: 'UCS-2', segments: 4 });
    expect(countSegments(transliterate(text!))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
  });

  it('splits a long day at line ends into numbered parts, none over the limit', () => {
    const stops = Array.from({ length: 40 }, (_, i) => stop(i + 1));
    const parts = driverRoute('24.11', 'АВ1234ВС', stops);
    expect(parts.length).toBe(2);
    expect(parts[0]!.startsWith('(1/2) 24.11 АВ1234ВС, 40 зуп.')).toBe(true);
    expect(parts[1]!.startsWith('(2/2) ')).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(ROUTE_MESSAGE_MAX);
    const lines = parts.flatMap((p) => p.replace(/^\(\d\/\d\) /, '').split('\n')).slice(1);
    expect(lines.map((l) => Number(l.split(' ')[0]))).toEqual(stops.map((s) => s.n));
  });
});
