/**
 * ukrainealarm.com's region ids (`regionId`, a string) of the oblasts, translated to the KATOTTG
 * codes our hromady carry (the same codes as alerts-in-ua-locations.ts, from the codifier's
 * rows of category O and K).
 *
 * Where the ids come from: the API's own region tree, `GET /api/v3/regions` → `{states: [{regionId,
 * regionName, regionType: "State", regionChildIds: [...]}]}`. Its swagger page
 * (https://api.ukrainealarm.com/swagger/index.html) could not be reached from here, so the ids are
 * read off published answers of that endpoint and clients built on it:
 * - all 27 states, as one answer lists them, quoted whole in a public client script found by code
 *   search (the 24 oblasts, м. Київ 31, Автономна Республіка Крим 9999, «Тестовий регіон» 0);
 * - github.com/J-A-A-M/ukraine_alarm_map: deploy/data/uaapi.json (a dump of the tree: м. Київ 31,
 *   Кіровоградська 15, Полтавська 19) and deploy/regions.json (`stateId` of each region: Вінницька
 *   4, Волинська 8, Івано-Франківська 13), which agree with the list for every id checked;
 * - github.com/nazar-andriievych/Vidbiy notes that ukrainealarm's ids equal alerts.in.ua's location
 *   uids for every region but Crimea (9999 here, 29 there); every id below matches that table.
 * Neither answer has a Севастополь state, so none is listed (an alert there reaches no hromada).
 *
 * Not every `State` is an oblast: the dump also lists «м. Харків та Харківська територіальна
 * громада» (1293) as a State. Such a region, a district (`District`) and anything below
 * (`Community`, `CityOrVillage`, …) is read only through the deployment's table
 * (AIR_RAID_FEED_AREAS, regionId → KATOTTG code or our hromada id), whose ids an operator takes from
 * the same `/api/v3/regions` answer (docs/services/wartime.md).
 */
export const UKRAINEALARM_OBLASTS: Readonly<Record<string, string>> = {
  '9999': 'UA01000000000013043', // Автономна Республіка Крим
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
};

/** «Тестовий регіон»: the API's test state, never a place. */
export const UKRAINEALARM_TEST_REGION = '0';
