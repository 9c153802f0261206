/**
 * alerts.in.ua's location ids (`location_uid`) translated to the ids our hromady carry: KATOTTG
 * codes (`oblastId`, `raionId`, `katottg` on the hromada card; shared/domain/entities/hromada.ts).
 *
 * The oblasts and the two cities with a special status are alerts.in.ua's documented "Location
 * UID" table (https://devs.alerts.in.ua, section "Location UID"; mirrored in the README of
 * github.com/voiceapiai/ralertsinua), each paired with the oblast's first-level KATOTTG code
 * (UA + the two-digit region code + zeros). The raions', cities' and hromady's uids are not in the
 * documentation: a deployment lists the ones it needs in AIR_RAID_FEED_AREAS (uid → KATOTTG code
 * or our hromada id); a raion or hromada alert whose uid is not listed is skipped and logged.
 */
export const ALERTS_IN_UA_OBLASTS: Readonly<Record<string, string>> = {
  '29': 'UA01000000000000000', // Автономна Республіка Крим
  '4': 'UA05000000000000000', // Вінницька область
  '8': 'UA07000000000000000', // Волинська область
  '9': 'UA12000000000000000', // Дніпропетровська область
  '28': 'UA14000000000000000', // Донецька область
  '10': 'UA18000000000000000', // Житомирська область
  '11': 'UA21000000000000000', // Закарпатська область
  '12': 'UA23000000000000000', // Запорізька область
  '13': 'UA26000000000000000', // Івано-Франківська область
  '14': 'UA32000000000000000', // Київська область
  '15': 'UA35000000000000000', // Кіровоградська область
  '16': 'UA44000000000000000', // Луганська область
  '27': 'UA46000000000000000', // Львівська область
  '17': 'UA48000000000000000', // Миколаївська область
  '18': 'UA51000000000000000', // Одеська область
  '19': 'UA53000000000000000', // Полтавська область
  '5': 'UA56000000000000000', // Рівненська область
  '20': 'UA59000000000000000', // Сумська область
  '21': 'UA61000000000000000', // Тернопільська область
  '22': 'UA63000000000000000', // Харківська область
  '23': 'UA65000000000000000', // Херсонська область
  '3': 'UA68000000000000000', // Хмельницька область
  '24': 'UA71000000000000000', // Черкаська область
  '26': 'UA73000000000000000', // Чернівецька область
  '25': 'UA74000000000000000', // Чернігівська область
  '31': 'UA80000000000000000', // м. Київ
  '30': 'UA85000000000000000', // м. Севастополь
};
