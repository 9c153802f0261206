// The API's error codes (contract 3) in Ukrainian: the console shows the API's own `reason` when it
// gives one, else its text for the code, never the English `message` (that one is for logs).

const CODES = {
  validation: 'Перевірте дані форми',
  'not-found': 'Не знайдено',
  conflict: 'Хтось інший змінив це. Перезавантажте й повторіть',
  unprocessable: 'Цю дію не можна виконати',
  limit: 'Перевищено ліміт',
  forbidden: 'Недостатньо прав для цієї дії',
  unauthorized: 'Увійдіть до системи',
  'method-not-allowed': 'Ця дія недоступна',
  unavailable: 'Система перевантажена; нічого не збережено. Повторіть за кілька секунд',
  internal: 'Помилка сервера; спробуйте ще раз',
  'rule-quota': 'Вичерпано місячну квоту поїздок',
  'rule-eligibility': 'Послуга не для категорії цього отримувача',
  'rule-purpose': 'Мета поїздки не передбачена правилами громади',
  'rule-horizon': 'Так далеко наперед записати не можна',
  'rule-same-day': 'На сьогодні записати вже запізно',
  'rule-fleet': 'Того дня й о тій годині немає авто, що може виконати заявку',
  'idempotency-key-reused': 'Цей ключ ідемпотентності вже використано для іншого запиту',
  'idempotency-in-flight': 'Запит уже виконується — оновіть дані',
  'rule-curfew': 'Цей час припадає на комендантську годину',
};

/** Field paths of the API's inputs, named as the forms name them. */
const FIELDS = {
  phone: 'телефон',
  name: "ім'я",
  address: 'адреса',
  settlementId: 'населений пункт',
  date: 'дата',
  'requestedTime.time': 'час',
  time: 'час',
  plate: 'номер',
  'capacity.seats': 'місця',
  location: 'координати',
  version: 'версія',
};

/** The Ukrainian words for an error answer of the API (status and body). */
export function errorWords(status, body) {
  const error = body?.error;
  // the same action still under way (a retry overtook it): the console's own words, not the API's
  if (error?.code === 'idempotency-in-flight') return CODES[error.code];
  if (error?.reason) return error.reason;
  const code = error?.code ?? (status === 401 ? 'unauthorized' : status >= 500 ? 'internal' : undefined);
  const text = CODES[code] ?? `Помилка ${status}`;
  const fields = [
    ...new Set((error?.issues ?? []).map((i) => FIELDS[i.path] ?? FIELDS[i.path?.split('.').pop()])),
  ];
  const named = fields.filter(Boolean);
  if (code === 'validation' && named.length) return `${text}: ${named.join(', ')}`;
  return text;
}
