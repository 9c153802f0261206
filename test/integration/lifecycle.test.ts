/**
 * The request lifecycle on DynamoDB Local (issue 9, item 1): planning sets planned, publishing
 * dispatched, and a cancellation after publishing changes the plan at once: exactly one new route
 * SMS, to the driver whose stops changed, and one notice to the resident.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { planDay } from '../../shared/app/planning/plan-day';
import { publishPlan } from '../../shared/app/planning/publish-plan';
import { createEntity } from '../../shared/app/registry';
import { bookServiceRequest, changeRequestStatus } from '../../shared/app/service-requests';
import { registryKinds } from '../../shared/domain/registry';
import type { Ports } from '../../shared/ports/ports';
import { BEREZNA, HROMADA, RAMP_TAXI, seedBasics, seedFleet, taxiRequest } from '../support/fixtures';
import { bookingOf, fieldsOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

const TUESDAY = '2026-11-24';
const ENGINE = { timeLimitMs: 1e9, maxIterations: 400, seed: 1 };
type TestPorts = Omit<Ports, 'sms'>;

let t: Awaited<ReturnType<typeof freshTable>>;
let ports: TestPorts;

beforeAll(async () => {
  t = await freshTable('lifecycle');
  // Monday 23 Nov 2026, 12:00 in Kyiv
  ports = portsFor(t, new FixedClock(new Date('2026-11-23T10:00:00Z')));
});

/** The taxi and a brigade car, each with its driver. */
async function seedTaxiAndBrigade() {
  const brigade = {
    id: 'brigade',
    name: 'Бригада',
    plate: 'АВ5678ВС',
    services: ['mobile-brigade'],
    capacity: { seats: 4 },
  };
  await seedFleet(ports, [RAMP_TAXI, brigade]);
  for (const driver of [
    { name: 'Олег', phone: '067 401 12 01', vehicleIds: ['taxi'] },
    { name: 'Ірина', phone: '050 402 12 02', vehicleIds: ['brigade'] },
  ])
    await createEntity(
      ports,
      registryKinds.drivers,
      HROMADA,
      fieldsOf(registryKinds.drivers, driver),
      'test',
    );
}

const resident = (name: string) =>
  createEntity(
    ports,
    registryKinds.residents,
    HROMADA,
    fieldsOf(registryKinds.residents, {
      name,
      phone: null,
      settlementId: BEREZNA,
      address: 'с. Березна, вул. Садова, 3',
      location: { lat: 49.5621, lon: 27.8401 },
      categories: ['disability-1'],
    }),
    'test',
  );

describe('the request lifecycle on DynamoDB Local', () => {
  it('a cancellation after publishing: one new route SMS to that driver only, one notice to the resident', async () => {
    const anna = await seedBasics(ports);
    await seedTaxiAndBrigade();
    const olena = await resident('Олена Мельник');
    const petro = await resident('Петро Бондар');
    const book = (body: object) => bookServiceRequest(ports, HROMADA, bookingOf(body), 'd');
    const annasRide = await book(taxiRequest(anna.id, TUESDAY, '09:00'));
    const olenasRide = await book(taxiRequest(olena.id, TUESDAY, '13:00'));
    const visit = await book({
      serviceType: 'mobile-brigade',
      residentId: petro.id,
      date: TUESDAY,
      pickup: { address: 'с. Березна, вул. Садова, 3', location: { lat: 49.5621, lon: 27.8401 } },
      requestedTime: { kind: 'pickup', time: '11:00' },
      purpose: 'social-services',
      serviceMinutes: 60,
    });
    const status = async (id: string) => (await t.entities.requests.get(HROMADA, id))?.status;

    const draft = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(draft.routes.map((r) => r.vehicleId).sort()).toEqual(['brigade', 'taxi']);
    for (const r of [annasRide, olenasRide, visit]) expect(await status(r.id)).toBe('planned');
    const published = await publishPlan(ports, HROMADA, TUESDAY, draft.version, 'd');
    expect(published.messages).toBe(2);
    for (const r of [annasRide, olenasRide, visit]) expect(await status(r.id)).toBe('dispatched');

    const before = new Set((await t.outbox.listByHromada(HROMADA)).items.map((m) => m.id));
    const current = await t.entities.requests.get(HROMADA, annasRide.id);
    await changeRequestStatus(
      ports,
      HROMADA,
      annasRide.id,
      current!.version,
      'cancelled',
      'd',
      [],
      'dispatcher',
    );

    const sent = (await t.outbox.listByHromada(HROMADA)).items.filter((m) => !before.has(m.id));
    const routes = sent.filter((m) => m.kind === 'driver-route');
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({ to: '+380674011201' });
    expect(routes[0]!.text).toContain('2 зуп.'); // Olena's pickup and drop-off: Anna's stops are gone
    const notices = sent.filter((m) => m.kind === 'cancellation');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ to: anna.phone });
    expect(sent).toHaveLength(2);

    const plan = await t.entities.plans.forDay(HROMADA, TUESDAY);
    expect(plan).toMatchObject({ version: published.plan.version + 1, status: 'published' });
    expect(plan!.routes.flatMap((r) => r.stops.map((s) => s.requestId))).not.toContain(annasRide.id);
    expect(await status(annasRide.id)).toBe('cancelled');
    expect(await status(olenasRide.id)).toBe('dispatched');
    const audit = (await t.entities.audit.list(HROMADA)).items;
    expect(audit.filter((a) => a.action === 'cancel-after-publish')).toHaveLength(1);

    // publishing again sends nobody anything: the drivers already have the plan as it stands
    expect(await publishPlan(ports, HROMADA, TUESDAY, plan!.version, 'd')).toMatchObject({ messages: 0 });
  });
});
