/** Reads of residents and requests: a confidential case masked for a reader not entitled, and audited. */
import { describe, expect, it } from 'vitest';
import {
  readCallers,
  readResident,
  readResidentExport,
  readResidents,
  readServiceRequest,
  readServiceRequestsForDay,
} from '../../../shared/app/confidential/confidential-reads';
import { createEntity } from '../../../shared/app/registry';
import { CONFIDENTIAL_ADDRESS } from '../../../shared/domain/confidential-view';
import { registryKinds } from '../../../shared/domain/registry';
import type { Viewer } from '../../../shared/domain/viewer';
import { HROMADA } from '../../support/fixtures';
import { fieldsOf } from '../../support/inputs';
import { demoDay, TUESDAY } from './planning/demo-day';

async function world() {
  const d = await demoDay();
  const provider = (name: string, services: string[]) =>
    createEntity(
      d.ports,
      registryKinds.providers,
      HROMADA,
      fieldsOf(registryKinds.providers, { name, kind: 'social-services-centre', services }),
      'test',
    );
  const css = await provider('ЦСС', ['mobile-brigade']);
  const taxi = await provider('Соцтаксі УСЗН', ['social-taxi']);
  const olena = await d.resident('Олена Мельник', { confidential: true, phone: '+380501112233' });
  const visit = await d.visit(olena.id);
  const ride = await d.ride(d.anna.id, '09:00');
  return { ...d, css, taxi, olena, visit, ride };
}

const readsOf = async (w: Awaited<ReturnType<typeof world>>) =>
  (await w.ports.entities.audit.list(HROMADA)).items.filter((a) => a.action === 'read-confidential');

describe('confidential reads', () => {
  it('a dispatcher of another provider sees the visit masked; the read is audited without the address', async () => {
    const w = await world();
    const other: Viewer = { id: 'disp-taxi', role: 'dispatcher', providerId: w.taxi.id };
    const seen = await readServiceRequest(w.ports, other, HROMADA, w.visit.id);
    expect(seen.pickup.address).toBe(CONFIDENTIAL_ADDRESS);
    expect(seen.purpose).toBe('other');
    const [entry, ...more] = await readsOf(w);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'disp-taxi',
      itemType: 'ServiceRequest',
      itemId: w.visit.id,
      changedFields: [],
    });
    expect(JSON.stringify(entry)).not.toContain('Садова');
  });

  it('the brigade provider’s dispatcher and an admin see it in clear, and are audited too', async () => {
    const w = await world();
    const own: Viewer = { id: 'disp-css', role: 'dispatcher', providerId: w.css.id };
    expect((await readServiceRequest(w.ports, own, HROMADA, w.visit.id)).pickup.address).toBe(
      'с. Березна, вул. Садова, 3',
    );
    expect((await readResident(w.ports, { id: 'admin', role: 'admin' }, HROMADA, w.olena.id)).address).toBe(
      'с. Березна, вул. Садова, 3',
    );
    const entries = await readsOf(w);
    expect(entries.map((e) => [e.actor, e.itemType, e.changedFields])).toEqual([
      ['admin', 'Resident', ['address', 'location']],
      ['disp-css', 'ServiceRequest', ['pickup', 'dropoff', 'purpose']],
    ]);
  });

  it('lists: only the confidential records masked, one audit entry naming them all', async () => {
    const w = await world();
    const hromadaWide: Viewer = { id: 'disp', role: 'dispatcher' };
    const day = await readServiceRequestsForDay(w.ports, hromadaWide, HROMADA, TUESDAY);
    const byId = new Map(day.map((r) => [r.id, r]));
    expect(byId.get(w.visit.id)!.pickup.address).toBe(CONFIDENTIAL_ADDRESS);
    expect(byId.get(w.ride.id)!.pickup.address).toBe(w.ride.pickup.address);
    const residents = await readResidents(w.ports, hromadaWide, HROMADA, {});
    const olena = residents.items.find((r) => r.id === w.olena.id)!;
    expect(olena.address).toBe(CONFIDENTIAL_ADDRESS);
    expect(olena.location).toEqual({ lat: 49.56085, lon: 27.84392 }); // Березна's point
    expect(residents.items.find((r) => r.id === w.anna.id)!.address).toBe(w.anna.address);
    const callers = await readCallers(w.ports, hromadaWide, HROMADA, '0501112233');
    expect(callers).toMatchObject([{ id: w.olena.id, type: 'Resident', address: CONFIDENTIAL_ADDRESS }]);
    const exported = await readResidentExport(w.ports, hromadaWide, HROMADA, w.olena.id);
    expect(JSON.stringify(exported)).not.toContain('Садова');
    expect((await readsOf(w)).length).toBe(4);
  });

  it('a read with nothing confidential writes nothing', async () => {
    const w = await world();
    await readServiceRequest(w.ports, { id: 'disp', role: 'dispatcher' }, HROMADA, w.ride.id);
    await readResident(w.ports, { id: 'disp', role: 'dispatcher' }, HROMADA, w.anna.id);
    expect(await readsOf(w)).toEqual([]);
  });
});
