import { describe, expect, it } from 'vitest';
import { decodeBytes, detectSeparator, parseCsv } from '../../../../shared/app/import/decode-csv';

/** Windows-1251 bytes of `ПІБ;Село\nЇжак;Ґрунь\n`, as Excel writes them in a Ukrainian locale. */
const cp1251 = new Uint8Array([
  0xcf, 0xb2, 0xc1, 0x3b, 0xd1, 0xe5, 0xeb, 0xee, 0x0a, 0xaf, 0xe6, 0xe0, 0xea, 0x3b, 0xa5, 0xf0, 0xf3, 0xed,
  0xfc, 0x0a,
]);

describe('CSV bytes to rows', () => {
  it('reads UTF-8 with and without a BOM the same', () => {
    const text = 'ПІБ,Село\nЇжак,Ґрунь\n';
    const plain = new TextEncoder().encode(text);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeBytes(plain)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(bom)).toEqual({ text, encoding: 'utf-8' });
    expect(parseCsv(bom).header).toEqual(['ПІБ', 'Село']);
  });

  it('reads bytes that are not UTF-8 as Windows-1251', () => {
    expect(decodeBytes(cp1251)).toEqual({ text: 'ПІБ;Село\nЇжак;Ґрунь\n', encoding: 'windows-1251' });
    expect(parseCsv(cp1251)).toMatchObject({
      separator: ';',
      header: ['ПІБ', 'Село'],
      rows: [{ line: 2, cells: ['Їжак', 'Ґрунь'] }],
    });
  });

  it("takes ';' when the header has more semicolons than commas", () => {
    expect(detectSeparator('ПІБ;Адреса;Телефон\n')).toBe(';');
    expect(detectSeparator('name,address\n')).toBe(',');
    expect(detectSeparator('"Прізвище, ім\'я";Адреса;Телефон\n')).toBe(';');
  });

  it('keeps quoted separators and line breaks inside a cell, numbers rows as the sheet does, drops blank lines', () => {
    const table = parseCsv(new TextEncoder().encode('a,b\r\n"x, y",1\r\n\r\n"two\nlines",2\r\n'));
    expect(table.rows).toEqual([
      { line: 2, cells: ['x, y', '1'] },
      { line: 4, cells: ['two\nlines', '2'] },
    ]);
  });
});
