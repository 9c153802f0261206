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

/**
 * A tour's fields (POST /providers/{p}/tours), by the path without its list indexes, the longest
 * matching prefix first: `overnightPlaces.1.location.lat` is «точка місця ночівлі».
 */
const TOUR_FIELDS = {
  'vehicle.name': 'назва авто',
  'vehicle.plate': 'номер авто',
  'depot.location': 'точка бази',
  'depot.name': 'назва бази',
  depot: 'база',
  'overnightPlaces.location': 'точка місця ночівлі',
  'overnightPlaces.name': 'назва місця ночівлі',
  overnightPlaces: 'місця ночівлі',
  'days.end': 'години робочого дня',
  days: 'робочі дні',
};

function tourField(path) {
  const parts = String(path ?? '')
    .split('.')
    .filter((p) => !/^\d+$/.test(p));
  for (let n = parts.length; n > 0; n--) {
    const word = TOUR_FIELDS[parts.slice(0, n).join('.')];
    if (word) return word;
  }
  return undefined;
}

/** The Ukrainian words for an error answer of the API (status and body). */
export function errorWords(status, body) {
  const error = body?.error;
  // the same action still under way (a retry overtook it): the console's own words, not the API's
  if (error?.code === 'idempotency-in-flight') return CODES[error.code];
  if (error?.reason) return error.reason;
  const code = error?.code ?? (status === 401 ? 'unauthorized' : status >= 500 ? 'internal' : undefined);
  const text = CODES[code] ?? `Помилка ${status}`;
  const fields = [
    ...new Set(
      (error?.issues ?? []).map(
        (i) => FIELDS[i.path] ?? tourField(i.path) ?? FIELDS[i.path?.split('.').pop()],
      ),
    ),
  ];
  const named = fields.filter(Boolean);
  if (code === 'validation' && named.length) return `${text}: ${named.join(', ')}`;
  return text;
}
