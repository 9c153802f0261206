// Which fields of each registry kind the console creates and edits, with their Ukrainian labels,
// and what a new item starts from. A field's `path` is its place in the item ("capacity.seats");
// its `type` says how it is shown and read (registry-inputs.js).
import { COMPLEX_RULES } from './rules-complex.js';
import { CATEGORIES, SERVICES } from './words.js';

const TYPES = { місто: 'місто', селище: 'селище', село: 'село' };
const PROFILES = { 'driving-car': 'легковий', 'driving-hgv': 'вантажний (обʼїзд закритих доріг)' };

const settlementOptions = (names) => Object.fromEntries(names.settlements.map((s) => [s.id, s.name]));
const depotOptions = (names) => Object.fromEntries(names.depots.map((d) => [d.id, d.name]));
const vehicleOptions = (names) =>
  Object.fromEntries([...names.vehicles.values()].map((v) => [v.id, `${v.name} ${v.plate}`]));

const WEEKDAYS = [1, 2, 3, 4, 5];
const NO_SHOW = { warn: 'попередити диспетчера', confirm: 'записати лише з підтвердженням телефоном' };

export const KINDS = [
  {
    id: 'residents',
    title: 'Отримувачі',
    one: 'отримувач',
    fields: [
      { path: 'name', label: "Ім'я", required: true },
      { path: 'phone', label: 'Телефон', nullable: true },
      { path: 'settlementId', label: 'Населений пункт', type: 'select', options: settlementOptions },
      { path: 'address', label: 'Адреса', required: true },
      { path: 'location', label: 'Координати дому', type: 'point', nullable: true },
      { path: 'mobility.wheelchair', label: 'Візок', type: 'checkbox' },
      { path: 'mobility.needsRamp', label: 'Потрібен пандус', type: 'checkbox' },
      { path: 'mobility.escort', label: 'Із супровідником', type: 'checkbox' },
      { path: 'categories', label: 'Категорії', type: 'checks', options: () => CATEGORIES },
      { path: 'smsConsent', label: 'Згода на SMS', type: 'checkbox' },
      { path: 'confidential', label: 'Конфіденційний випадок', type: 'checkbox' },
    ],
    blank: (names) => ({
      name: '',
      phone: null,
      settlementId: names.settlements[0]?.id ?? '',
      address: '',
      location: null,
      mobility: { wheelchair: false, needsRamp: false, escort: false },
      categories: [],
      smsConsent: false,
      confidential: false,
    }),
  },
  {
    id: 'drivers',
    title: 'Водії',
    one: 'водій',
    fields: [
      { path: 'name', label: "Ім'я", required: true },
      { path: 'phone', label: 'Телефон', required: true },
      { path: 'vehicleIds', label: 'Авто водія', type: 'checks', options: vehicleOptions },
      { path: 'transliterateSms', label: 'Маршрут SMS латиницею', type: 'checkbox' },
      { path: 'active', label: 'Працює', type: 'checkbox' },
    ],
    blank: () => ({ name: '', phone: '', vehicleIds: [], transliterateSms: false, active: true }),
  },
  {
    id: 'vehicles',
    title: 'Авто',
    one: 'авто',
    fields: [
      { path: 'name', label: 'Назва', required: true },
      { path: 'plate', label: 'Номер', required: true },
      { path: 'depotId', label: 'Депо', type: 'select', options: depotOptions },
      { path: 'services', label: 'Послуги', type: 'checks', options: () => SERVICES },
      { path: 'capacity.seats', label: 'Місць', type: 'number' },
      { path: 'capacity.wheelchairPlaces', label: 'Місць для візків', type: 'number' },
      { path: 'capacity.cargoKg', label: 'Вантаж, кг', type: 'number' },
      { path: 'capacity.cargoLitres', label: 'Вантаж, л', type: 'number' },
      { path: 'features.ramp', label: 'Пандус', type: 'checkbox' },
      { path: 'features.coldBox', label: 'Холодильний бокс', type: 'checkbox' },
      { path: 'profile', label: 'Тип для маршрутів', type: 'select', options: () => PROFILES },
      { path: 'shifts', label: 'Зміни', type: 'shifts' },
      { path: 'active', label: 'У строю', type: 'checkbox' },
    ],
    blank: (names) => ({
      name: '',
      plate: '',
      depotId: names.depots[0]?.id ?? '',
      services: ['social-taxi'],
      capacity: { seats: 4, wheelchairPlaces: 0, cargoKg: 0, cargoLitres: 0 },
      features: { ramp: false, coldBox: false },
      profile: 'driving-car',
      shifts: [{ days: WEEKDAYS, start: '08:00', end: '17:00' }],
      active: true,
    }),
  },
  {
    id: 'depots',
    title: 'Депо',
    one: 'депо',
    fields: [
      { path: 'name', label: 'Назва', required: true },
      { path: 'address', label: 'Адреса', required: true },
      { path: 'location', label: 'Координати', type: 'point' },
      {
        path: 'settlementId',
        label: 'Населений пункт',
        type: 'select',
        options: settlementOptions,
        optional: true,
      },
    ],
    blank: () => ({ name: '', address: '', location: null }),
  },
  {
    id: 'settlements',
    title: 'Населені пункти',
    one: 'населений пункт',
    fields: [
      { path: 'name', label: 'Назва', required: true },
      { path: 'type', label: 'Тип', type: 'select', options: () => TYPES },
      { path: 'starostaDistrict', label: 'Старостинський округ', nullable: true },
      { path: 'remote', label: 'Віддалене село', type: 'checkbox' },
      { path: 'location', label: 'Координати', type: 'point', nullable: true },
    ],
    blank: () => ({ name: '', type: 'село', starostaDistrict: null, remote: false, location: null }),
  },
];

/** The hromada's rules the console edits, as fields of the hromada (the ones of their own shape: rules-complex.js). */
export const RULES = {
  id: 'rules',
  title: 'Правила громади',
  fields: [
    { path: 'rules.pickupWindowMinutes', label: 'Вікно посадки, хв', type: 'number' },
    { path: 'rules.maxRideExtraMinutes', label: 'Додатковий час у дорозі, хв', type: 'number' },
    { path: 'rules.monthlyRideQuota', label: 'Поїздок на місяць', type: 'number' },
    { path: 'rules.bookingHorizonDays', label: 'Запис наперед, днів', type: 'number' },
    { path: 'rules.sameDayMinHours', label: 'Запис на сьогодні не пізніше ніж за, год', type: 'number' },
    { path: 'rules.lateCancelHours', label: 'Пізнє скасування, год', type: 'number' },
    { path: 'rules.reminderTime', label: 'Час нагадування', type: 'time' },
    { path: 'rules.quietHours.from', label: 'Тиша для SMS з', type: 'time' },
    { path: 'rules.quietHours.to', label: 'Тиша для SMS до', type: 'time' },
    { path: 'rules.serviceHours.from', label: 'Послуги працюють з', type: 'time' },
    { path: 'rules.serviceHours.to', label: 'Послуги працюють до', type: 'time' },
    { path: 'rules.dispatchHours.from', label: 'Диспетчер на звʼязку з', type: 'time' },
    { path: 'rules.dispatchHours.to', label: 'Диспетчер на звʼязку до', type: 'time' },
    { path: 'rules.dailySmsSegmentCap', label: 'SMS-сегментів на день, не більше', type: 'number' },
    {
      path: 'rules.monthlySmsSpendCapUsd',
      label: 'Витрати на SMS за місяць, не більше, USD (порожньо: без ліміту)',
      type: 'number',
      optional: true,
    },
    { path: 'rules.planningSeconds', label: 'Час на планування дня, с', type: 'number' },
    { path: 'rules.resendFailedRoute', label: 'Повторно надсилати недоставлений маршрут', type: 'checkbox' },
    { path: 'rules.routeSmsLatin', label: 'Маршрути водіям латиницею', type: 'checkbox' },
    { path: 'rules.deliveryCodeRequired', label: 'Доставка лише за кодом', type: 'checkbox' },
    { path: 'rules.maxRideFactor', label: 'У дорозі не довше, ніж прямий шлях ×', type: 'number' },
    { path: 'rules.noShow.periodDays', label: 'Неявки: рахувати за днів', type: 'number' },
    { path: 'rules.noShow.threshold', label: 'Неявки: скільки разів', type: 'number' },
    { path: 'rules.noShow.consequence', label: 'Неявки: що тоді', type: 'select', options: () => NO_SHOW },
    { path: 'rules.mobileCase.slotMinutes', label: 'Мобільний кейс: слот, хв', type: 'number' },
    { path: 'rules.mobileCase.announceAt', label: 'Мобільний кейс: сповіщати напередодні о', type: 'time' },
    ...COMPLEX_RULES,
  ],
};
