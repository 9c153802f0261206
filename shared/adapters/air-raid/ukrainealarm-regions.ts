import { ALERTS_IN_UA_OBLASTS } from './alerts-in-ua-locations';

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
 *   uids for every region but Crimea (9999 here, 29 there); every id of the sources above matches
 *   that table, so the table below is alerts.in.ua's (alerts-in-ua-locations.ts) with Crimea's id
 *   changed and Севастополь left out (test/unit/adapters/ukrainealarm-feed.test.ts lists them).
 * Neither answer has a Севастополь state, so none is listed (an alert there reaches no hromada).
 *
 * Not every `State` is an oblast: the dump also lists «м. Харків та Харківська територіальна
 * громада» (1293) as a State. Such a region, a district (`District`) and anything below
 * (`Community`, `CityOrVillage`, …) is read only through the deployment's table
 * (AIR_RAID_FEED_AREAS, regionId → KATOTTG code or our hromada id), whose ids an operator takes from
 * the same `/api/v3/regions` answer (docs/services/wartime.md).
 */
const { '29': crimea, '30': _sevastopol, ...sameIds } = ALERTS_IN_UA_OBLASTS;

/** alerts.in.ua's oblast table with the two differences above: Crimea is 9999, no Севастополь. */
export const UKRAINEALARM_OBLASTS: Readonly<Record<string, string>> = {
  ...sameIds,
  '9999': crimea as string,
};

/** «Тестовий регіон»: the API's test state, never a place. */
export const UKRAINEALARM_TEST_REGION = '0';
