/**
 * CSV for Excel as set up in Ukraine: UTF-8 with a byte-order mark (else Excel reads Cyrillic as
 * cp1251) and `;` between fields (the list separator where the decimal mark is a comma).
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** A report as a table: its header row and its rows. */
export interface Table {
  headers: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

/** A field quoted when it holds the separator, a quote or a line break; empty for null. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? formatNumber(value) : value;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Decimal comma, as Excel in a Ukrainian locale reads a number. */
function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** The table as one CSV text: BOM, then CRLF-separated lines. */
export function toCsv(table: Table): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(field).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
