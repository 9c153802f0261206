/**
 * What the phone line says, by prompt id. Amazon Polly has no Ukrainian voice, so each prompt is
 * a recording (`<id>.wav`, see docs/services/phone-line.md) of exactly this text; nothing in a
 * prompt varies with the caller — dates and times go by SMS. The terminal telephone
 * (`npm run phone`) prints these texts instead of playing the recordings.
 */
export const ivrPrompts = {
  'menu-in-hours':
    'Щоб підтвердити найближчу поїздку, натисніть 1. Щоб скасувати її — 2. ' +
    'Щоб отримати ваші поїздки в SMS — 3. Щоб вам передзвонили — 4. ' +
    'Щоб замовити на завтра таку ж поїздку, як минулого разу — 5. Щоб говорити з диспетчером — 0.',
  'menu-after-hours':
    'Щоб підтвердити найближчу поїздку, натисніть 1. Щоб скасувати її — 2. ' +
    'Щоб отримати ваші поїздки в SMS — 3. Щоб вам передзвонили — 4. ' +
    'Щоб замовити на завтра таку ж поїздку, як минулого разу — 5. Диспетчер зараз не працює.',
  welcome: 'Вітаємо! Це служба соціального транспорту громади.',
  'not-understood': 'Не вдалося розпізнати вибір.',
  'no-trip': 'Найближчих поїздок немає.',
  'trip-changed': 'Поїздку щойно змінили. Оберіть ще раз.',
  'cancel-ask': 'Скасувати найближчу поїздку? Так — натисніть 1. Ні, повернутися до меню — 9.',
  confirmed: 'Поїздку підтверджено. Дякуємо, до побачення!',
  cancelled: 'Поїздку скасовано. До побачення!',
  'trips-sent': 'Ми надіслали ваші поїздки в SMS.',
  'repeat-ask':
    'Замовити на завтра таку ж поїздку, як минулого разу, у той самий час? Так — натисніть 1. Ні — 9.',
  'repeat-booked': 'Поїздку замовлено. Час прийде в SMS. До побачення!',
  'repeat-refused': 'На жаль, цю поїздку не вдалося замовити автоматично.',
  'callback-offer':
    'Диспетчер зараз не працює. Щоб вам передзвонили в робочий час, натисніть 1. ' + 'Щоб завершити — 9.',
  'callback-recorded': 'Дякуємо! Диспетчер передзвонить вам у робочий час. До побачення!',
  'no-number':
    'Ваш номер приховано, тому ми не можемо вас знайти чи передзвонити. Зателефонуйте диспетчеру в робочий час.',
  'to-dispatcher': "З'єднуємо з диспетчером. Залишайтеся на лінії.",
  goodbye: 'До побачення!',
  'try-later': 'Зараз сталася помилка. Будь ласка, зателефонуйте пізніше.',
} as const;

export type PromptId = keyof typeof ivrPrompts;

/** "No notice": the flow plays nothing before the prompt. */
export const NO_NOTICE = 'none';
