// The tour plan form's own checks and body (console/tours-provider.js), pure: the vehicle, the
// depot and the overnight places as the user gave them (a settlement's point or typed
// coordinates), checked in Ukrainian before anything is sent (shared/domain/entities/tour.ts);
// each day's hours by tour-hours.js.
import { hoursIssue, tourDaysOf } from './tour-hours.js';
import { periodProblem } from './tour-words.js';

/** Ukraine's bounds as the API takes a point (geoPointSchema). */
export const LAT = { min: 44, max: 53 };
export const LON = { min: 22, max: 41 };
/** At most this many overnight places (tourCreateSchema). */
export const MAX_PLACES = 6;

/** A place row of the form: its name, and its point as typed (text, a comma allowed). */
export const placeRow = (p) => ({
  id: p?.id ?? '',
  name: p?.name ?? '',
  lat: p?.location ? String(p.location.lat) : '',
  lon: p?.location ? String(p.location.lon) : '',
});

/** A coordinate as typed («49,23» or «49.23»), or undefined when it is not a number. */
export function coordinate(text) {
  const t = String(text ?? '')
    .trim()
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** Why a row's point is not one, in Ukrainian («бази», «місця ночівлі «Готель»»); undefined when it is. */
export function pointProblem(row, what) {
  if (!String(row.lat).trim() && !String(row.lon).trim())
    return `Вкажіть точку ${what}: оберіть населений пункт або введіть координати`;
  const lat = coordinate(row.lat);
  const lon = coordinate(row.lon);
  if (lat === undefined || lon === undefined)
    return `Координати ${what} — числа, наприклад 49,2331 і 28,4682`;
  if (lat < LAT.min || lat > LAT.max) return `Широта ${what} має бути від ${LAT.min} до ${LAT.max} (Україна)`;
  if (lon < LON.min || lon > LON.max)
    return `Довгота ${what} має бути від ${LON.min} до ${LON.max} (Україна)`;
  return undefined;
}

const pointOf = (row) => ({ lat: coordinate(row.lat), lon: coordinate(row.lon) });

/** An id the API takes (letters, digits, _ or -), unique among `taken`. */
function freeId(wanted, fallback, taken) {
  let base = /^[0-9A-Za-z_-]{1,60}$/.test(wanted ?? '') ? wanted : fallback;
  if (taken.has(base)) base = fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** A row's point problem, with its field to put right: the latitude unless only the longitude is wrong. */
function pointIssue(row, what, prefix) {
  const problem = pointProblem(row, what);
  if (!problem) return undefined;
  const lat = coordinate(row.lat);
  const latWrong = lat === undefined || lat < LAT.min || lat > LAT.max;
  return { problem, field: `${prefix}-${latWrong ? 'lat' : 'lon'}` };
}

/**
 * Why the form's vehicle and places cannot be sent, in Ukrainian, and the id of the field to put
 * right: `{ problem, field }`; undefined when they can. `form`: vehicle {name, plate}, depot (a
 * place row), places (the rows, each with `use`); `days`: the tour's working days (its hours are
 * checked by tour-hours.js).
 */
export function tourFormIssue(form, days) {
  const at = (field, problem) => ({ problem, field });
  if (!form.vehicle.name.trim())
    return at('tour-vehicle-name', 'Вкажіть авто туру (назву, наприклад «Бригада 1»)');
  if (!form.depot.name.trim())
    return at('tour-depot-name', 'Вкажіть назву бази (звідки бригада виїжджає і куди повертається)');
  const depot = pointIssue(form.depot, 'бази', 'tour-depot');
  if (depot) return depot;
  const rows = form.places
    .map((p, i) => ({ p, prefix: `tour-night-${i}` }))
    .filter(({ p }) => p.use !== false);
  if (days.length > 1 && rows.length === 0)
    return at('tour-night-add', 'Тур на кілька днів потребує хоча б одного місця ночівлі');
  if (rows.length > MAX_PLACES) return at('tour-night-0-name', `Місць ночівлі — не більше ${MAX_PLACES}`);
  for (const [i, { p, prefix }] of rows.entries()) {
    if (!p.name.trim()) return at(`${prefix}-name`, `Вкажіть назву місця ночівлі № ${i + 1}`);
    const problem = pointIssue(p, `місця ночівлі «${p.name.trim()}»`, prefix);
    if (problem) return problem;
  }
  return undefined;
}

/** Why the form's vehicle and places cannot be sent, in Ukrainian; undefined when they can. */
export const tourFormProblem = (form, days) => tourFormIssue(form, days)?.problem;

/** The request's vehicle, depot and overnight places (ids unique, a one-day tour's night at the depot). */
export function tourPlaces(form) {
  const taken = new Set();
  const depot = {
    id: freeId(form.depot.id, 'depot', taken),
    name: form.depot.name.trim(),
    location: pointOf(form.depot),
  };
  const used = form.places.filter((p) => p.use !== false);
  // the API wants one place at least; a one-day tour never sleeps out, so the depot stands in
  const rows = used.length ? used : [{ ...form.depot, id: 'depot-night' }];
  const overnightPlaces = rows.map((p, i) => ({
    id: freeId(p.id, `night-${i + 1}`, taken),
    name: p.name.trim(),
    location: pointOf(p),
  }));
  const plate = form.vehicle.plate.trim();
  return {
    vehicle: { name: form.vehicle.name.trim(), ...(plate ? { plate } : {}) },
    depot,
    overnightPlaces,
  };
}

/** The period's problem, with its field: the start date when it is empty, else the end date. */
function periodIssue(form, dates) {
  const problem = periodProblem(form.from, form.to, dates);
  return problem ? { problem, field: form.from ? 'tour-to' : 'tour-from' } : undefined;
}

/**
 * The request the form sends (POST /providers/{p}/tours), or why it cannot be sent, in Ukrainian,
 * with the id of the first field to put right: `{ body }` or `{ problem, field }`. `dates`: the
 * period's working days (tour-words.js `tourDates`); the days the user dropped are left out, each
 * other day goes with its own hours.
 */
export function tourRequest(form, dates, providerHromadaId) {
  const days = tourDaysOf(form, dates);
  const issue = periodIssue(form, dates) ?? hoursIssue(form, dates) ?? tourFormIssue(form, days);
  if (issue) return { problem: issue.problem, field: issue.field };
  const name = form.name.trim() || `Тур ${form.from} — ${form.to}`;
  return { body: { providerHromadaId, name, ...tourPlaces(form), days } };
}
