/**
 * Replies people send by SMS, read forgivingly: any case, spaces and punctuation around, and
 * Latin letters that look like Cyrillic ones (phones without a Ukrainian keyboard). Pure.
 *
 *   ТАК / TAK / 1        confirm the next trip        СТОП / STOP       no more SMS
 *   НІ / NI / HI / 0     cancel the next trip         СТАРТ / START     SMS again
 *   3 OK / 3 NS / 3 ?    a driver reports on stop 3 (done, no-show, problem)
 *   3 КОД 1234, 3 НЕМА   a driver at a delivery's door (delivery-replies.ts)
 *   ДОДОМУ / DODOMU      the car for today's will-call return trip (home-command.ts)
 */
import { type DeliveryReply, parseDeliveryReply } from './delivery-replies';
import { isHomeWord } from './home-command';

export type InboundCommand =
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  | { kind: 'stop' }
  | { kind: 'start' }
  | { kind: 'driver'; stop: number; outcome: 'done' | 'no-show' | 'problem' }
  | DeliveryReply
  | { kind: 'home' }
  | { kind: 'unknown' };

/** Latin look-alikes → Cyrillic, applied after upper-casing. */
const LOOKALIKE: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

function cyrillic(word: string): string {
  return [...word].map((ch) => LOOKALIKE[ch] ?? ch).join('');
}

const CONFIRM = new Set(['ТАК', 'TAK', '1', 'ТА', 'ДА', 'ОК', 'OK']);
const CANCEL = new Set(['НІ', 'NI', 'НИ', 'НЕТ', 'НІІ', '0', 'НЕ']);
const STOP = new Set(['СТОП', 'STOP', 'ВІДПИСАТИСЬ', 'UNSUBSCRIBE']);
const START = new Set(['СТАРТ', 'START']);

export function parseInboundCommand(text: string): InboundCommand {
  const cleaned = text
    .normalize('NFC')
    .toUpperCase()
    .replace(/[Ї]/g, 'І')
    .replace(/[.,!;:"'«»()\u2019\u02BC-]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  const delivery = parseDeliveryReply(cleaned);
  if (delivery) return delivery;
  const driver = /^(\d{1,3}) ?(OK|ОК|NS|НС|\?)$/.exec(cleaned.replace(/(\d) ?\?/, '$1 ?'));
  if (driver) {
    const code = driver[2]!;
    const outcome = code === '?' ? 'problem' : /^(NS|НС)$/.test(code) ? 'no-show' : 'done';
    return { kind: 'driver', stop: Number(driver[1]), outcome };
  }
  const word = cleaned.split(' ')[0] ?? '';
  if (isHomeWord(word)) return { kind: 'home' };
  for (const candidate of [word, cyrillic(word)]) {
    if (STOP.has(candidate)) return { kind: 'stop' };
    if (START.has(candidate)) return { kind: 'start' };
    if (CONFIRM.has(candidate)) return { kind: 'confirm' };
    if (CANCEL.has(candidate)) return { kind: 'cancel' };
  }
  return { kind: 'unknown' };
}
