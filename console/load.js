// What the console reads from the API for a hromada (names for the screen and the forms' choices)
// and for a day (its requests and plan).
import { all, api, hromadaPath } from './api.js';

export async function loadNames(hromadaId) {
  const base = hromadaPath(hromadaId);
  const hromada = await api('GET', base);
  const [residents, vehicles, drivers, settlements, depots, places] = await Promise.all([
    all(`${base}/residents`),
    all(`${base}/vehicles`),
    all(`${base}/drivers`),
    all(`${base}/settlements`),
    all(`${base}/depots`),
    all(`${base}/places`),
  ]);
  return {
    hromada,
    residents: new Map(residents.map((r) => [r.id, r])),
    vehicles: new Map(vehicles.map((v) => [v.id, v])),
    drivers: new Map(drivers.map((d) => [d.id, d])),
    depots,
    places: places.sort((a, b) => a.name.localeCompare(b.name, 'uk')),
    settlements: settlements.filter((s) => s.location).sort((a, b) => a.name.localeCompare(b.name, 'uk')),
  };
}

/** The day's requests (by id, sorted by window) and its plan (undefined before the first plan). */
export async function loadDay(hromadaId, date) {
  const base = hromadaPath(hromadaId);
  const [requests, plan] = await Promise.all([
    api('GET', `${base}/requests?date=${date}`).then((r) => r.items),
    api('GET', `${base}/plans/${date}`).catch((e) => {
      if (e.status === 404) return undefined;
      throw e;
    }),
  ]);
  requests.sort((a, b) => a.window.start.localeCompare(b.window.start));
  return { requests, byId: new Map(requests.map((r) => [r.id, r])), plan };
}

/** A vehicle as the dispatcher names it. */
export const vehicleName = (names, id) => {
  const v = names.vehicles.get(id);
  return v ? `${v.name} ${v.plate}` : id;
};
