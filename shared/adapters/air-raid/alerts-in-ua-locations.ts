/**
 * alerts.in.ua's location ids (`location_uid`) translated to the ids our hromady carry: KATOTTG
 * codes (`oblastId`, `raionId`, `katottg` on the hromada card; shared/domain/entities/hromada.ts).
 *
 * The oblasts and the two cities with a special status are alerts.in.ua's documented "Location
 * UID" table (https://devs.alerts.in.ua, section "Location UID"; mirrored in the README of
 * github.com/voiceapiai/ralertsinua), each paired with the oblast's first-level KATOTTG code as
 * the codifier prints it (Кодифікатор адміністративно-територіальних одиниць та територій
 * територіальних громад, наказ Мінрегіону № 290 від 26.11.2020, edition of 02.07.2025 as published
 * in github.com/bnotezz/ua-settlements, assets/kodifikator/kodifikator-02-07-2025.csv: the rows of
 * category O and K, e.g. «UA05000000000010236;;;;;O;Вінницька»). A code is UA + the region's two
 * digits + zeros + the unit's own 7-digit number, not zeros: UA05000000000000000 names nothing. The raions', cities' and hromady's uids are not in the
 * documentation: a deployment lists the ones it needs in AIR_RAID_FEED_AREAS (uid → KATOTTG code
 * or our hromada id); a raion or hromada alert whose uid is not listed is skipped and logged.
 */
export const ALERTS_IN_UA_OBLASTS: Readonly<Record<string, string>> = {
  '29': 'UA01000000000013043', // Автономна Республіка Крим
  '4': 'UA05000000000010236', // Вінницька область
  '8': 'UA07000000000024379', // Волинська область
  '9': 'UA12000000000090473', // Дніпропетровська область
  '28': 'UA14000000000091971', // Донецька область
  '10': 'UA18000000000041385', // Житомирська область
  '11': 'UA21000000000011690', // Закарпатська область
  '12': 'UA23000000000064947', // Запорізька область
  '13': 'UA26000000000069363', // Івано-Франківська область
  '14': 'UA32000000000030281', // Київська область
  '15': 'UA35000000000016081', // Кіровоградська область
  '16': 'UA44000000000018893', // Луганська область
  '27': 'UA46000000000026241', // Львівська область
  '17': 'UA48000000000039575', // Миколаївська область
  '18': 'UA51000000000030770', // Одеська область
  '19': 'UA53000000000028050', // Полтавська область
  '5': 'UA56000000000066151', // Рівненська область
  '20': 'UA59000000000057109', // Сумська область
  '21': 'UA61000000000060328', // Тернопільська область
  '22': 'UA63000000000041885', // Харківська область
  '23': 'UA65000000000030969', // Херсонська область
  '3': 'UA68000000000099709', // Хмельницька область
  '24': 'UA71000000000010357', // Черкаська область
  '26': 'UA73000000000044923', // Чернівецька область
  '25': 'UA74000000000025378', // Чернігівська область
  '31': 'UA80000000000093317', // м. Київ
  '30': 'UA85000000000065278', // м. Севастополь
};
