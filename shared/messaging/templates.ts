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
