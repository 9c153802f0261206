import { describe, expect, it } from 'vitest';
import { CSV_BOM, toCsv } from '../../../../shared/app/reports/csv';
import { periodDates } from '../../../../shared/app/reports/report-period';

/** Read the CSV as Excel does with `;`: a quoted field may hold `;` and doubled quotes. */
function parseSemicolonCsv(text: string): string[][] {
  const field = /("(?:[^"]|"")*"|[^;\r\n]*)(;|\r\n|$)/y;
  const rows: string[][] = [];
  let row: string[] = [];
  while (field.lastIndex < text.length) {
    const match = field.exec(text);
    if (!match) throw new Error(`not CSV at ${field.lastIndex}`);
    const raw = match[1] ?? '';
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (match[2] !== ';') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('CSV for Excel', () => {
  const text = toCsv({
    headers: ['Населений пункт', 'Виконано', 'Вартість, USD'],
    rows: [
      ['Березна; центр', 3, 0.15],
      ['Село "Нове"', 0, null],
    ],
  });

  it('starts with the UTF-8 byte-order mark', () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('opens as ;-separated with Ukrainian headers, decimal commas and quoted fields', () => {
    expect(parseSemicolonCsv(text.slice(1))).toEqual([
      ['Населений пункт', 'Виконано', 'Вартість, USD'],
      ['Березна; центр', '3', '0,15'],
      ['Село "Нове"', '0', ''],
    ]);
  });
});

describe('report period', () => {
  it('lists every local date, at most 92', () => {
    expect(periodDates({ from: '2026-10-30', to: '2026-11-02' })).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(periodDates({ from: '2026-01-01', to: '2026-04-02' })).toHaveLength(92);
    expect(() => periodDates({ from: '2026-01-01', to: '2026-04-03' })).toThrow(
      expect.objectContaining({ issues: [{ path: 'to', message: 'at most 92 days from from' }] }),
    );
    expect(() => periodDates({ from: '2026-01-02', to: '2026-01-01' })).toThrow();
  });
});
