import { describe, expect, it } from 'vitest';
import {
  driverRoute,
  ROUTE_MESSAGE_MAX,
  type RouteStopText,
  shortPlace,
} from '../../../shared/messaging/driver-route';
import { countSegments } from '../../../shared/messaging/segments';
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
        '1 9:05 пос. Березна, Шевченка 12 (візок +1)',
        '2 9:40 вис. Хмільник, Монастирська 71',
        '3 11:00 візит адресу дасть диспетчер',
        '4 12:00 візит як 1 (12 кг холод)',
      ].join('\n'),
    );
    // UCS-2: 190 characters, 3 segments (241 characters and 4 segments before the compact form);
    // transliterated, 2 GSM-7 segments
    expect(text!.length).toBe(190);
    expect(countSegments(text!)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(countSegments(transliterate(text!))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
  });

  it('says "там само" for the place before, "як N" for one named on line N, and leaves out the town the car is in', () => {
    const [text] = driverRoute('24.11', 'АВ1234ВС', [
      stop(1),
      stop(2, { kind: 'dropoff', place: 'м. Хмільник, вул. Монастирська, 71 (лікарня)' }),
      stop(3, { kind: 'dropoff', place: 'м. Хмільник, вул. Монастирська, 71 (лікарня)' }),
      stop(4, { kind: 'dropoff', place: 'м. Хмільник, вул. Столярчука, 10 (ЦНАП)' }),
      stop(5, { place: undefined }),
      stop(6, { place: 'м. Хмільник, вул. Столярчука, 10 (ЦНАП)' }),
    ]);
    expect(text!.split('\n').slice(1)).toEqual([
      '1 9:05 пос. Березна, Шевченка 12',
      '2 9:05 вис. Хмільник, Монастирська 71 (лікарня)',
      '3 9:05 вис. там само',
      '4 9:05 вис. Столярчука 10 (ЦНАП)',
      '5 9:05 пос. адресу дасть диспетчер',
      // a place already named on an earlier line points back to it
      '6 9:05 пос. як 4',
    ]);
  });

  it.each([
    ['м. Хмільник, вул. Монастирська, 71 (лікарня)', 'Хмільник, Монастирська 71 (лікарня)'],
    ['с. Березна, вул. Шевченка, 12', 'Березна, Шевченка 12'],
    ['смт Уланів, провулок Садовий, 3а', 'Уланів, пров. Садовий 3а'],
    ['с. Кривошиї, вулиця Шкільна, буд. 2/1', 'Кривошиї, Шкільна 2/1'],
    ['с. Журавне', 'Журавне'],
    ['м. Хмільник, пл. Свободи, 1', 'Хмільник, пл. Свободи 1'],
  ])('shortens %s to %s', (address, short) => {
    expect(shortPlace(address)).toBe(short);
  });

  it('splits a long day at line ends into numbered parts, none over the limit', () => {
    const stops = Array.from({ length: 40 }, (_, i) =>
      stop(i + 1, { place: `с. ${i % 2 ? 'Березна' : 'Порик'}, вул. Шевченка, ${i + 1}` }),
    );
    const parts = driverRoute('24.11', 'АВ1234ВС', stops);
    expect(parts.length).toBe(2);
    expect(parts[0]!.startsWith('(1/2) 24.11 АВ1234ВС, 40 зуп.')).toBe(true);
    expect(parts[1]!.startsWith('(2/2) ')).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(ROUTE_MESSAGE_MAX);
    const lines = parts.flatMap((p) => p.replace(/^\(\d\/\d\) /, '').split('\n')).slice(1);
    expect(lines.map((l) => Number(l.split(' ')[0]))).toEqual(stops.map((s) => s.n));
  });
});
