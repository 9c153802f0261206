import { normalisePhone } from '../../domain/phone';

/**
 * One cell as a spreadsheet holds it, read into the value a field takes. An empty cell is
 * `undefined` (the field is not given); a cell that cannot be read gives the reason in Ukrainian.
 * A cell that merely looks wrong (`abc` for a number) is passed on as typed, so the entity's zod
 * schema reports it like any other bad value.
 */
export type CellValue = { value: unknown } | { error: string } | undefined;

export type CellReader = (cell: string, lookups: Lookups) => CellValue;

/** Names in the file to the ids of items the hromada already has (settlements, depots…). */
export interface Lookups {
  settlement(name: string): CellValue;
  depot(name: string): CellValue;
  provider(name: string): CellValue;
  /** A resident by their phone (standing orders). */
  resident(phone: string): CellValue;
  /** A place the hromada knows, by name (standing orders' drop-off). */
  place(name: string): CellValue;
}

const YES = new Set(['так', 'т', 'yes', 'y', 'true', '1', '+', 'да']);
const NO = new Set(['ні', 'н', 'no', 'n', 'false', '0', '-', 'нет']);

export const text: CellReader = (cell) => (cell === '' ? undefined : { value: cell });

/** Case does not matter (`Село` is `село`). */
export const lowerText: CellReader = (cell) => (cell === '' ? undefined : { value: cell.toLowerCase() });

export const bool: CellReader = (cell) => {
  if (cell === '') return undefined;
  const v = cell.toLowerCase();
  if (YES.has(v)) return { value: true };
  if (NO.has(v)) return { value: false };
  return { error: `очікується «так» або «ні», а не «${cell}»` };
};

/** Numbers as Ukrainian Excel writes them: a decimal comma, spaces between thousands. */
export const number: CellReader = (cell) => {
  if (cell === '') return undefined;
  const cleaned = cell.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const n = Number(cleaned);
  return cleaned !== '' && Number.isFinite(n) ? { value: n } : { error: `очікується число, а не «${cell}»` };
};

const phoneReasons = {
  unparseable: 'не схоже на номер телефону',
  invalid: 'недійсний номер телефону',
  'not-mobile': 'не мобільний номер (на нього надсилаються SMS)',
} as const;

/**
 * A Ukrainian mobile in any usual spelling, to E.164. An empty cell is `null` (no phone) where
 * the field allows it (`nullable`), and otherwise missing.
 */
export function mobilePhone(options: { nullable: boolean }): CellReader {
  return (cell) => {
    if (cell === '') return options.nullable ? { value: null } : undefined;
    const check = normalisePhone(cell, { requireMobile: true });
    if (!check.ok) return { error: `${phoneReasons[check.reason]}: «${cell}»` };
    if (!check.e164.startsWith('+380')) return { error: `не український мобільний номер: «${cell}»` };
    return { value: check.e164 };
  };
}

/** A list in one cell: `social-taxi, delivery` or `соціальне таксі | доставка`. */
export function list(aliases: Record<string, string>): CellReader {
  return (cell) => {
    if (cell === '') return undefined;
    const parts = cell
      .split(/[,|/]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    return { value: parts.map((p) => aliases[p.toLowerCase()] ?? p) };
  };
}

export const settlementRef: CellReader = (cell, lookups) =>
  cell === '' ? undefined : lookups.settlement(cell);
export const depotRef: CellReader = (cell, lookups) => (cell === '' ? undefined : lookups.depot(cell));
export const providerRef: CellReader = (cell, lookups) => (cell === '' ? undefined : lookups.provider(cell));
