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
  cancelAfterPublish: (t: AlertTrip) => `Скасовано після розсилки: ${trip(t)}. Водію надіслано новий маршрут`,
  editAfterPublish: (t: AlertTrip) => `Змінено після розсилки: ${trip(t)}. Заявка чекає на планування`,
  driverProblem: (stop: number, text: string) => `Водій повідомляє про проблему на зупинці ${stop}: ${text}`,
  noShow: (t: AlertTrip) => `Не вийшов (не було на місці): ${trip(t)}`,
  residentCancel: (t: AlertTrip) => `Мешканець скасував SMS-відповіддю НІ: ${trip(t)}`,
  residentOptOut: () => 'Мешканець відписався від SMS (СТОП): повідомляйте телефоном',
  smsFailed: (error: string) => `SMS не доставлено: ${error}`,
  unassigned: (t: AlertTrip, reason: string) => `Не вдалося запланувати: ${trip(t)} (${reason})`,
  callback: () => 'Просить передзвонити (телефонна лінія)',
  complaint: (text: string) => `Скарга після оцінки: ${text}`,
} as const;
