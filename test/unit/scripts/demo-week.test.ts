import { describe, expect, it } from 'vitest';
import {
  dayScript,
  outcomeFor,
  WEEK_SUMMARY_LINE,
  weekDates,
  weekSummaryLine,
} from '../../../scripts/lib/demo-week-plan';
import { checkCsv, csvOk } from '../../../scripts/lib/demo-week-reports';
import { toCsv } from '../../../shared/app/reports/csv';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('demo:week: the CSV check', () => {
  it('passes a report CSV: BOM, Cyrillic, the same bytes decoded and encoded back', () => {
    const csv = toCsv({ headers: ['Розріз', 'Значення'], rows: [['Послуга', 'соціальне таксі']] });
    expect(checkCsv(bytes(csv))).toEqual({ bom: true, cyrillic: true, roundTrips: true });
  });

  it('fails a CSV without the BOM, one without Cyrillic, and Windows-1251 bytes read as UTF-8', () => {
    expect(csvOk(checkCsv(bytes('Розріз;Значення\r\n')))).toBe(false);
    expect(checkCsv(bytes('\uFEFFa;b\r\n')).cyrillic).toBe(false);
    // «Пе» in Windows-1251, after a BOM: not UTF-8, so it does not round-trip
    const cp1251 = new Uint8Array([0xef, 0xbb, 0xbf, 0xcf, 0xe5, 0x3b, 0x31]);
    expect(checkCsv(cp1251).roundTrips).toBe(false);
  });
});

describe('demo:week: what happens each day', () => {
  it('seven dates from tomorrow in Kyiv (00:30 there, still the 28th in UTC), across a month end', () => {
    expect(weekDates(new Date('2026-11-28T22:30:00Z'), 7)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('one taxi no-show a working day, the rest on a route done, unassigned left open', () => {
    const taxi = { serviceType: 'social-taxi', status: 'dispatched' };
    expect([0, 1, 2].map((i) => outcomeFor(taxi, 1, i))).toEqual(['done', 'no-show', 'done']);
    expect(outcomeFor({ serviceType: 'delivery', status: 'dispatched' }, 0, 0)).toBe('done');
    expect(outcomeFor({ ...taxi, status: 'on-board' }, 0, 0)).toBe('done');
    expect(outcomeFor({ ...taxi, status: 'requested' }, 0, 1)).toBe('open');
    expect(dayScript(0)).toEqual({ cancelEarly: [], cancelLate: [3] });
    expect(dayScript(1).cancelEarly).toHaveLength(1);
  });

  it('the summary line reads back', () => {
    const line = weekSummaryLine({
      days: 7,
      workdays: 5,
      requests: 81,
      done: 69,
      noShows: 5,
      cancelledEarly: 2,
      cancelledLate: 1,
      ratings: 15,
      reports: 6,
      csvOk: true,
      tripsMatch: true,
    });
    expect(WEEK_SUMMARY_LINE.exec(line)?.slice(1)).toEqual([
      '7',
      '5',
      '81',
      '69',
      '5',
      '2',
      '1',
      '15',
      '6',
      '1',
      '1',
    ]);
  });
});
