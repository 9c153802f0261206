/**
 * A driver's replies at a delivery's door, read from the text `parseInboundCommand` has already
 * cleaned (upper case, single spaces, punctuation gone). Pure.
 *
 *   3 КОД 1234                 the resident (or trusted person) told the driver the code: handed over
 *   3 НЕМА / 3 ПОГАНО / 3 ДОПОМОГА   nobody answers / the resident is unwell / needs help
 *
 * Latin spellings are accepted too (`3 KOD 1234`, `3 NEMA`, `3 POGANO`, `3 DOPOMOGA`), and the
 * code may follow the word without a space (`3 КОД1234`).
 */
import type { WelfareOutcome } from '../domain/entities/delivery';

export type DeliveryReply =
  | { kind: 'handover-code'; stop: number; code: string }
  | { kind: 'welfare'; stop: number; outcome: WelfareOutcome };

const WELFARE_WORDS: Record<string, WelfareOutcome> = {
  НЕМА: 'no-answer',
  НЕМАЄ: 'no-answer',
  NEMA: 'no-answer',
  ПОГАНО: 'unwell',
  POGANO: 'unwell',
  ДОПОМОГА: 'needs-help',
  DOPOMOGA: 'needs-help',
};

const CODE = /^(\d{1,3}) (?:КОД|KOD|КOД|KОД) ?(\d{4})$/;
const WELFARE = /^(\d{1,3}) ([A-ZА-ЯІЄҐ]+)$/;

/** A driver's delivery reply, or undefined when the text is something else. */
export function parseDeliveryReply(cleaned: string): DeliveryReply | undefined {
  const code = CODE.exec(cleaned);
  if (code) return { kind: 'handover-code', stop: Number(code[1]), code: code[2]! };
  const welfare = WELFARE.exec(cleaned);
  const outcome = welfare ? WELFARE_WORDS[welfare[2]!] : undefined;
  if (welfare && outcome) return { kind: 'welfare', stop: Number(welfare[1]), outcome };
  return undefined;
}

/**
 * The text of a received SMS as the inbound log keeps it: a handover code's digits masked (`3 КОД
 * ****`), since the log is read by more people than the driver; any other text as it came.
 */
export function withoutHandoverCode(command: { kind: string }, text: string): string {
  return command.kind === 'handover-code' ? text.replace(/\d{4}(?=\D*$)/, '****') : text;
}
