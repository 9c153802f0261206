// Which fields of each registry kind the console edits, with their Ukrainian labels.

export const KINDS = [
  {
    id: 'residents',
    title: 'Отримувачі',
    fields: [
      { key: 'name', label: "Ім'я" },
      { key: 'phone', label: 'Телефон', nullable: true },
      { key: 'address', label: 'Адреса' },
      { key: 'smsConsent', label: 'Згода на SMS', type: 'checkbox' },
    ],
  },
  {
    id: 'drivers',
    title: 'Водії',
    fields: [
      { key: 'name', label: "Ім'я" },
      { key: 'phone', label: 'Телефон' },
      { key: 'active', label: 'Працює', type: 'checkbox' },
    ],
  },
  {
    id: 'vehicles',
    title: 'Авто',
    fields: [
      { key: 'name', label: 'Назва' },
      { key: 'plate', label: 'Номер' },
      { key: 'active', label: 'У строю', type: 'checkbox' },
    ],
  },
  {
    id: 'depots',
    title: 'Депо',
    fields: [
      { key: 'name', label: 'Назва' },
      { key: 'address', label: 'Адреса' },
    ],
  },
  {
    id: 'settlements',
    title: 'Населені пункти',
    fields: [{ key: 'name', label: 'Назва' }],
  },
];

/** The hromada's rules the console edits. */
export const RULES = [
  { key: 'pickupWindowMinutes', label: 'Вікно посадки, хв' },
  { key: 'maxRideExtraMinutes', label: 'Додатковий час у дорозі, хв' },
  { key: 'monthlyRideQuota', label: 'Поїздок на місяць' },
  { key: 'lateCancelHours', label: 'Пізнє скасування, год' },
];
