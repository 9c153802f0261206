import { describe, expect, it } from 'vitest';
import { bookServiceRequest } from '../../shared/app/service-requests';
import type { Resident } from '../../shared/domain/entities/resident';
import { registryKinds } from '../../shared/domain/registry';
import type { Ports } from '../../shared/ports/ports';
import { BEREZNA, HROMADA, seedBasics, taxiRequest } from './fixtures';
import { bookingOf } from './inputs';

type StorePorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

/**
 * What every EntityRepository does, run on the DynamoDB adapter (integration) and on its in-memory
 * twin (unit), so the twin the use-case tests run on keeps behaving like DynamoDB: each read named
 * for its access pattern, each entity parsed with its schema on the way out.
 */
export function entityStoresContract(adapter: string, freshPorts: () => Promise<StorePorts>) {
  describe(`typed entity stores (${adapter})`, () => {
    it('answers each access pattern with typed entities', async () => {
      const ports = await freshPorts();
      const anna = await seedBasics(ports);
      const ride = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id)), 'test');
      const { entities } = ports;

      expect((await entities.hromady.get(HROMADA))?.rules.pickupWindowMinutes).toBe(15);
      expect((await entities.hromady.list()).items.map((h) => h.id)).toEqual([HROMADA]);
      expect(await entities.registry.get(registryKinds.residents, HROMADA, anna.id)).toEqual(anna);
      expect(await entities.registry.get(registryKinds.drivers, HROMADA, anna.id)).toBeUndefined();
      expect(
        (await entities.registry.list(registryKinds.settlements, HROMADA)).items.map((s) => s.id),
      ).toEqual([BEREZNA]);
      expect(await entities.people.byPhone(HROMADA, '+380671234567')).toEqual([
        { entity: 'Resident', item: anna },
      ]);
      expect(await entities.people.byPhone(HROMADA, '+380670000000')).toEqual([]);
      expect(await entities.requests.get(HROMADA, ride.id)).toEqual(ride);
      expect(await entities.requests.forDay(HROMADA, '2026-11-24')).toEqual([ride]);
      expect(await entities.requests.forDay(HROMADA, '2026-11-25')).toEqual([]);
      expect((await entities.requests.byResident(HROMADA, anna.id)).items).toEqual([ride]);
      expect(await entities.plans.forDay(HROMADA, '2026-11-24')).toBeUndefined();
      // newest first; these share one instant, so only what they were is compared
      expect((await entities.audit.list(HROMADA)).items.map((a) => a.action).sort()).toEqual([
        'book',
        'create',
        'create',
        'create',
      ]);
      expect(await entities.residentDays.get(HROMADA, anna.id, '2026-11-24')).toMatchObject({
        version: 1,
        windows: [{ requestId: ride.id }],
      });
    });

    it("CN1: a resident's trips between two service dates, oldest first, both ends included", async () => {
      const ports = await freshPorts();
      const anna = await seedBasics(ports);
      const book = (date: string) =>
        bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id, date)), 'test');
      const later = await book('2026-11-26');
      const first = await book('2026-11-24');
      const { requests } = ports.entities;
      const between = async (from: string, to: string) =>
        (await requests.byResidentBetween(HROMADA, anna.id, from, to)).map((r) => r.id);
      expect(await between('2026-11-24', '2026-11-26')).toEqual([first.id, later.id]);
      expect(await between('2026-11-25', '2026-11-26')).toEqual([later.id]);
      expect(await between('2026-11-24', '2026-11-24')).toEqual([first.id]);
      expect(await between('2026-11-27', '2026-12-31')).toEqual([]);
      expect(await requests.byResidentBetween(HROMADA, 'nobody', '2026-11-01', '2026-11-30')).toEqual([]);
    });

    it('returns an entity as its schema reads it: an attribute outside the schema does not come back', async () => {
      const ports = await freshPorts();
      const anna = await seedBasics(ports);
      const stray = { ...anna, version: 2, strayAttribute: 'written by another tool' } as Resident;
      await ports.entities.commit([{ op: 'update', entity: 'Resident', item: stray, expectedVersion: 1 }]);

      const read = await ports.entities.registry.get(registryKinds.residents, HROMADA, anna.id);
      expect(read).toEqual({ ...anna, version: 2 });
      expect(await ports.entities.people.byPhone(HROMADA, '+380671234567')).toEqual([
        { entity: 'Resident', item: { ...anna, version: 2 } },
      ]);
    });
  });
}
