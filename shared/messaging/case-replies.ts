/**
 * Residents' replies about mobile-case slots, read forgivingly (any case, Latin look-alikes,
 * `10:40`, `10.40`, `1040`, `9:20`). Pure. Chosen not to clash with the ride words (ТАК, НІ, СТОП):
 *
 *   ЗАПИС / ZAPYS            the first free slot at the next stop in the resident's settlement
 *   ЗАПИС 10:40              that slot (a resident already booked there is moved to it)
 *   ВІДМОВА / VIDMOVA        give the slot back
 */
export type CaseReply = { kind: 'book'; time?: string } | { kind: 'cancel' };

const BOOK = new Set(['ЗАПИС', 'ЗАПИСАТИ', 'ЗАПИШІТЬ', 'ZAPYS', 'ZAPIS']);
const CANCEL = new Set(['ВІДМОВА', 'VIDMOVA', 'ВIДМОВА']);

/** A case reply, or undefined: the text is something else (a ride's ТАК/НІ, a driver's report…). */
export function parseCaseReply(text: string): CaseReply | undefined {
  const cleaned = text
    .normalize('NFC')
    .toUpperCase()
    .replace(/[!,;"'«»()]+/g, ' ')
    .trim();
  const m = /^(\p{L}+)\s*(.*)$/u.exec(cleaned);
  if (!m) return undefined;
  const word = m[1]!;
  const rest = m[2]!.trim().replace(/\.$/, '');
  if (CANCEL.has(word)) return rest === '' ? { kind: 'cancel' } : undefined;
  if (!BOOK.has(word)) return undefined;
  if (rest === '') return { kind: 'book' };
  const time = parseTime(rest);
  return time ? { kind: 'book', time } : undefined;
}

/** `10:40`, `10.40`, `10 40`, `1040`, `9:20` → `HH:MM`; anything else: undefined. */
function parseTime(s: string): string | undefined {
  const m = /^(\d{1,2})(?:[:. ]?)(\d{2})$/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
