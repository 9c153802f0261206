import Papa from 'papaparse';

/**
 * Bytes of a spreadsheet export to a header and rows of strings. Ukrainian offices save CSV from
 * Excel as Windows-1251 with `;`, from LibreOffice or Google Sheets as UTF-8 (with or without a
 * BOM) with `,`. Pure: no I/O, so the API and the CLI read files the same way.
 */
export interface CsvTable {
  encoding: 'utf-8' | 'windows-1251';
  separator: ';' | ',';
  header: string[];
  /** Data records (the header excluded), cells trimmed; blank lines dropped. */
  rows: Array<{ line: number; cells: string[] }>;
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), Windows-1251 otherwise. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
  }
}

/** `;` when the header line has more semicolons than commas (Excel in a Ukrainian locale). */
export function detectSeparator(text: string): CsvTable['separator'] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeBytes(bytes);
  const separator = detectSeparator(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, skipEmptyLines: false });
  const [header = [], ...records] = parsed.data;
  const rows: CsvTable['rows'] = [];
  records.forEach((cells, i) => {
    const trimmed = cells.map((c) => c.trim());
    // The header is row 1 of the sheet: the first record is row 2, as a spreadsheet numbers it.
    if (trimmed.some((c) => c !== '')) rows.push({ line: i + 2, cells: trimmed });
  });
  return { encoding, separator, header: header.map((h) => h.trim()), rows };
}
