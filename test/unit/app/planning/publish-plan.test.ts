import { describe, expect, it } from 'vitest';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../../shared/app/planning/publish-plan';
import { changeRequestStatus } from '../../../../shared/app/service-requests';
import { ConflictError, NotFoundError } from '../../../../shared/domain/errors';
import { countSegments } from '../../../../shared/messaging/segments';
import { HROMADA } from '../../../support/fixtures';
import { type DemoPorts, demoDay, ENGINE, stopsOf, TUESDAY } from './demo-day';

const routeSms = async (ports: DemoPorts) =>
  (await ports.outbox.listByHromada(HROMADA)).items.filter((m) => m.kind === 'driver-route');

describe('publish a plan', () => {
  it('publishes: each driver gets the route by SMS once per plan version, confidential stops without address', async () => {
    const d = await demoDay();
    const { ports } = d;
    const olena = await d.resident('Олена Мельник');
    await d.driver({ id: 'oleh', name: 'Олег Коваль', phone: '067 401 12 01', vehicleIds: ['taxi'] });
    await d.driver({
      name: 'Ірина',
      phone: '050 402 12 02',
      vehicleIds: ['brigade'],
      transliterateSms: true,
    });
    const ride = await d.ride(d.anna.id, '09:00', { passengers: { escorts: 0, wheelchair: true } });
    await d.visit(olena.id);
    await expect(publishPlan(ports, HROMADA, TUESDAY, 1, 'd')).rejects.toBeInstanceOf(NotFoundError);
    const draft = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(stopsOf(draft, ride.id)!.route.vehicleId).toBe('taxi');

    const published = await publishPlan(ports, HROMADA, TUESDAY, draft.version, 'dispatcher');
    expect(published).toMatchObject({
      plan: { status: 'published', version: 2, publishedAt: '2026-11-23T10:00:00.000Z' },
      messages: 2,
      withoutDriver: [],
    });
    const sms = await routeSms(ports);
    const taxi = sms.find((m) => m.to === '+380674011201')!;
    const brigade = sms.find((m) => m.to === '+380504021202')!;
    expect(taxi.id).toBe(`route-${TUESDAY}-taxi-v2-1`);
    expect(taxi.text.split('\n')).toEqual([
      '24.11 АВ1234ВС, 2 зуп. Звіт: 3 OK/NS/?',
      expect.stringMatching(/^1 \d?\d:\d\d пос\. Березна, Шевченка 12 \(візок\)$/),
      expect.stringMatching(/^2 \d?\d:\d\d вис\. Хмільник, Монастирська 71$/),
    ]);
    expect(taxi.segments).toBe(countSegments(taxi.text).segments);
    // the brigade's visit is confidential: neither the street nor the purpose, and Latin as asked
    expect(brigade.text).toMatch(
      /^24\.11 AV5678VS, 1 zup\. Zvit: 3 OK\/NS\/\?\n1 \d?\d:\d\d vizyt adresu dast dyspetcher$/,
    );
    expect(brigade.text).not.toMatch(/Sadova|Садова|social/i);
    expect(countSegments(brigade.text).encoding).toBe('GSM-7');

    // the same version cannot be published twice; a re-plan with the same routes, published
    // again, sends nobody the same text again (issue 7, defect 6)
    await expect(publishPlan(ports, HROMADA, TUESDAY, 1, 'd')).rejects.toBeInstanceOf(ConflictError);
    const replanned = await planDay(ports, HROMADA, TUESDAY, 'd', { ...ENGINE, expectedVersion: 2 });
    expect(replanned.status).toBe('draft');
    expect(await publishPlan(ports, HROMADA, TUESDAY, 3, 'd')).toMatchObject({ messages: 0 });
    expect(await publishPlan(ports, HROMADA, TUESDAY, 4, 'd')).toMatchObject({ messages: 0 });
    const ids = (await routeSms(ports)).map((m) => m.id).sort();
    expect(ids).toEqual([`route-${TUESDAY}-brigade-v2-1`, `route-${TUESDAY}-taxi-v2-1`]);
  });

  it('publishes the plan as it stands: a ride cancelled after planning is not sent, its driver is told (issue 7, defect 6)', async () => {
    const d = await demoDay();
    const { ports } = d;
    const olena = await d.resident('Олена Мельник');
    await d.driver({
      id: 'oleh',
      name: 'Олег Коваль',
      phone: '067 401 12 01',
      vehicleIds: ['taxi', 'brigade'],
    });
    const first = await d.ride(d.anna.id, '09:00');
    const lisova = { address: 'с. Березна, вул. Лісова, 3', location: { lat: 49.5631, lon: 27.8411 } };
    const second = await d.ride(olena.id, '11:00', { pickup: lisova });
    const draft = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    const vehicleOf = (id: string) => stopsOf(draft, id)!.route.vehicleId;
    expect(draft.unassigned).toEqual([]);
    const planned = await ports.entities.requests.get(HROMADA, second.id);
    expect(planned).toMatchObject({ status: 'planned' });
    await changeRequestStatus(
      ports,
      HROMADA,
      second.id,
      planned!.version,
      'cancelled',
      'd',
      [],
      'dispatcher',
    );
    // the cancellation took its stops out of the draft at once (a new plan version, no SMS yet)
    expect((await routeSms(ports)).length).toBe(0);

    const published = await publishPlan(ports, HROMADA, TUESDAY, draft.version + 1, 'd');
    const sent = await routeSms(ports);
    expect(sent.map((m) => m.text).join('\n')).not.toMatch(/Лісова/);
    expect(sent.map((m) => m.text).join('\n')).toMatch(/Шевченка/);
    expect(published.plan.routes.flatMap((r) => r.stops.map((s) => s.requestId))).not.toContain(second.id);
    expect(published.plan.routes.flatMap((r) => r.stops.map((s) => s.requestId))).toContain(first.id);

    // Publishing again changes nothing for anyone: no SMS.
    expect(await publishPlan(ports, HROMADA, TUESDAY, published.plan.version, 'd')).toMatchObject({
      messages: 0,
    });

    // The last ride of the route is cancelled after publishing: the plan changes at once and the
    // driver is told the route is off, in one segment.
    const current = await ports.entities.requests.get(HROMADA, first.id);
    expect(current).toMatchObject({ status: 'dispatched' });
    await changeRequestStatus(
      ports,
      HROMADA,
      first.id,
      current!.version as number,
      'cancelled',
      'd',
      [],
      'dispatcher',
    );
    const again = await ports.entities.plans.forDay(HROMADA, TUESDAY);
    expect(again!.version).toBe(published.plan.version + 2); // published again, then the cancellation
    expect(again!.routes.some((r) => r.vehicleId === vehicleOf(first.id))).toBe(false);
    const cancelled = (await routeSms(ports)).filter((m) => m.id.endsWith('-x'));
    expect(cancelled).toHaveLength(1);
    const plate = { taxi: 'АВ1234ВС', brigade: 'АВ5678ВС' }[vehicleOf(first.id)];
    expect(cancelled[0]).toMatchObject({
      to: '+380674011201',
      text: `24.11 ${plate}: маршрут скасовано, зупинок немає`,
    });
    expect(countSegments(cancelled[0]!.text).segments).toBe(1);
  });
});
