/**
 * Resident SMS texts, in Ukrainian, as short as they can be while staying clear: every resident
 * template fits one UCS-2 segment (70 characters) for realistic values (checked in unit tests).
 * Confidential cases get neutral words only: no address, no purpose, no service name.
 * Plain apostrophe ' only (’ and ʼ are not cheaper, and some phones render them badly).
 */
export type ServiceWord = 'social-taxi' | 'mobile-brigade' | 'mobile-case' | 'delivery';

const serviceWord: Record<ServiceWord, string> = {
  'social-taxi': 'Соцтаксі',
  'mobile-case': 'Мобільний ЦНАП',
  delivery: 'Доставка',
  // Never named: the resident may not be the only one reading the phone.
  'mobile-brigade': 'Зустріч',
};

export interface WindowText {
  service: ServiceWord;
  confidential: boolean;
  /** `24.11` */
  day: string;
  /** `09:45` */
  from: string;
  /** `10:15` */
  to: string;
}

function label(t: WindowText): string {
  return t.confidential ? 'Зустріч' : serviceWord[t.service];
}

/** On booking. e.g. "Соцтаксі 24.11 між 09:45-10:15. Скасувати: НІ" (45). */
export function bookingConfirmation(t: WindowText): string {
  return `${label(t)} ${t.day} між ${t.from}-${t.to}. Скасувати: НІ`;
}

/** The evening before. e.g. "Завтра Соцтаксі 09:45-10:15. ТАК-підтвердити, НІ-скасувати" (58). */
export function reminder(t: WindowText): string {
  return `Завтра ${label(t)} ${t.from}-${t.to}. ТАК-підтвердити, НІ-скасувати`;
}

/** On cancellation. */
export function cancellation(t: WindowText): string {
  return `${label(t)} ${t.day} ${t.from} скасовано. Питання: дзвоніть диспетчеру`;
}

/** Reply to ТАК. */
export function confirmedReply(t: Pick<WindowText, 'day' | 'from' | 'to'>): string {
  return `Підтверджено: ${t.day} ${t.from}-${t.to}. Дякуємо!`;
}

/** Reply to СТОП (the last message they get until they send СТАРТ). */
export function optOutReply(): string {
  return 'Ви відписались від SMS. Повернути: СТАРТ';
}

/** Reply to СТАРТ. */
export function optInReply(): string {
  return 'SMS знову увімкнено. Вимкнути: СТОП';
}

/** Reply to ТАК/НІ when there is no upcoming trip to act on. */
export function nothingToActOnReply(): string {
  return 'Найближчих поїздок немає. Питання: дзвоніть диспетчеру';
}

/** Reply to a text we could not read (at most once an hour per sender). */
export function helpReply(): string {
  return 'Відповідайте: ТАК-підтвердити, НІ-скасувати, СТОП-без SMS';
}
