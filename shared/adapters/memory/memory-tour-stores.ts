import type { EntityName } from '../../domain/registry';
import { type EntityOf, parseStored } from '../../domain/stored-entities';
import type { StoredEntity } from '../../ports/entity-repository';
import type { TourStores } from '../../ports/stores';

type Items = Map<string, StoredEntity & { entity: EntityName }>;

/** In-memory twin of the regional tours' reads (dynamodb-tour-stores.ts): same orders. */
export function memoryTourStores(items: Items): TourStores {
  const all = <E extends EntityName>(entity: E, keep: (i: StoredEntity) => boolean): EntityOf<E>[] =>
    [...items.values()]
      .filter((i) => i.entity === entity && keep(i))
      .map(({ entity: _e, ...i }) => parseStored(entity, structuredClone(i)));
  const byDate = (a: { date: string; id: string }, b: { date: string; id: string }) =>
    `${a.date}#${a.id}`.localeCompare(`${b.date}#${b.id}`);
  return {
    agreement: async (h, p) => all('ServiceAgreement', (i) => i.hromadaId === h && i.id === p)[0],
    agreementsOf: async (h) =>
      all('ServiceAgreement', (i) => i.hromadaId === h).sort((a, b) => a.id.localeCompare(b.id)),
    agreementsOfProvider: async (p) =>
      all('ServiceAgreement', (i) => i.providerId === p).sort((a, b) =>
        a.hromadaId.localeCompare(b.hromadaId),
      ),
    visit: async (h, id) => all('TourVisit', (i) => i.hromadaId === h && i.id === id)[0],
    visitsOf: async (h, from, to) =>
      all('TourVisit', (i) => i.hromadaId === h && String(i.date) >= from && String(i.date) <= to).sort(
        byDate,
      ),
    visitsOfProvider: async (p, from, to) =>
      all('TourVisit', (i) => i.providerId === p && String(i.date) >= from && String(i.date) <= to).sort(
        (a, b) => `${a.date}#${a.hromadaId}#${a.id}`.localeCompare(`${b.date}#${b.hromadaId}#${b.id}`),
      ),
    get: async (id) => all('Tour', (i) => i.id === id)[0],
    ofProvider: async (p) =>
      all('Tour', (i) => i.providerId === p).sort((a, b) =>
        `${a.days[0]?.date}#${a.id}`.localeCompare(`${b.days[0]?.date}#${b.id}`),
      ),
    job: async (id) => all('TourJob', (i) => i.id === id)[0],
    jobGuard: async (p) => all('TourJobGuard', (i) => i.id === p)[0],
  };
}
