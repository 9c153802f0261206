// The API's checks of an uploaded GeoJSON file of danger zones (docs/services/danger-zones.md) in
// the dispatcher's words: where in the file (the zod path, as a GIS tool shows it) and what is wrong.

const MESSAGES = [
  [/within Ukraine/, 'точка поза Україною: очікується [довгота, широта], довгота 22–41, широта 44–53'],
  [/a position is/, 'точка має бути парою [довгота, широта]'],
  [/at least 4 positions/, 'контур має щонайменше 4 точки (перша повторюється в кінці)'],
  [/ring must be closed/, 'контур не замкнено: остання точка має збігатися з першою'],
  [/needs its geometry/, 'в об’єкта немає геометрії'],
  [/needs its features/, 'у колекції немає об’єктів'],
  [/to must not be before from/, 'дата «to» раніша за «from»'],
  [/Too big|too_big|at most/i, 'забагато елементів (не більше 40 зон за раз)'],
  [/Too small|too_small/i, 'замало елементів'],
  [/Unrecognized key/i, 'зайве поле'],
  [/expected "Polygon"|Polygon|discriminator/i, 'геометрія має бути Polygon або MultiPolygon'],
];

/** One issue of the API's 400 (`{path, message}`) in Ukrainian. */
export function zoneIssueWords(issue) {
  const found = MESSAGES.find(([re]) => re.test(issue.message ?? ''));
  const what = found ? found[1] : 'неправильне значення';
  const where = issue.path && issue.path !== '(root)' ? issue.path : 'файл';
  return `${where}: ${what}`;
}

/** The zone's dates in words: «з …», «до …», «завжди». */
export function zoneDates(zone) {
  if (zone.from && zone.to) return `${zone.from} — ${zone.to}`;
  if (zone.from) return `з ${zone.from}`;
  if (zone.to) return `до ${zone.to}`;
  return 'без обмеження дат';
}

/** True when the zone is in force on the local date. */
export const appliesOn = (zone, date) => (!zone.from || zone.from <= date) && (!zone.to || date <= zone.to);

export const ZONE_KINDS = { 'danger-zone': 'Небезпечна зона', 'closed-road': 'Перекрита дорога' };
