import type { OutboxKind } from '../domain/entities/outbox-message';

/**
 * The dispatcher's alert lines (Ukrainian one-liners, contract 2). They name a time, a stop or a
 * phone, never an address or a purpose: the dispatcher opens the request for those.
 */
export interface AlertTrip {
  /** `09:45` */
  from: string;
  /** `10:15` */
  to: string;
}

const trip = (t: AlertTrip) => `заявка ${t.from}-${t.to}`;

export const alertTexts = {
  cancelAfterPublish: (t: AlertTrip, byResident: boolean) =>
    `${byResident ? 'Мешканець скасував' : 'Скасовано'} після розсилки: ${trip(t)}. Водію надіслано новий маршрут`,
  editAfterPublish: (t: AlertTrip) => `Змінено після розсилки: ${trip(t)}. Заявка чекає на планування`,
  driverProblem: (stop: number, text: string) => `Водій повідомляє про проблему на зупинці ${stop}: ${text}`,
  noShow: (t: AlertTrip) => `Не вийшов (не було на місці): ${trip(t)}`,
  residentCancel: (t: AlertTrip) => `Мешканець скасував SMS-відповіддю НІ: ${trip(t)}`,
  residentOptOut: () => 'Мешканець відписався від SMS (СТОП): повідомляйте телефоном',
  smsFailed: (what: string, reason: string) => `SMS не доставлено (${what}): ${reason}`,
  routeUndelivered: () => 'Маршрут не дійшов до водія і після повтору: зателефонуйте водію',
  unassigned: (t: AlertTrip, reason: string) => `Не вдалося запланувати: ${trip(t)} (${reason})`,
  callback: () => 'Просить передзвонити (телефонна лінія)',
  complaint: (text: string) => `Скарга після оцінки: ${text}`,
} as const;

/** What a failed message was, in the dispatcher's words (by outbox kind). */
export const messageWords: Record<OutboxKind, string> = {
  'booking-confirmation': 'підтвердження запису',
  reminder: 'нагадування',
  'vehicle-near': 'авто поруч',
  change: 'зміна',
  cancellation: 'скасування',
  'driver-route': 'маршрут водію',
  help: 'підказка',
  feedback: 'оцінка',
  'handover-code': 'код отримання',
  'follow-up': 'завдання соцпрацівнику',
  'air-raid': 'повітряна тривога водію',
};

/** Why a message failed, in Ukrainian (the provider's own error stays in the message log). */
export function failureReason(error: string | undefined): string {
  if (error && /daily SMS cap/i.test(error)) return 'вичерпано денний ліміт SMS';
  if (error && /monthly SMS spend cap/i.test(error)) return 'вичерпано місячний бюджет SMS';
  if (error && /attempts/i.test(error)) return 'не вдалося після кількох спроб';
  return 'оператор не прийняв повідомлення';
}
