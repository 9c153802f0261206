import { describe, expect, it } from 'vitest';
import { insertIntoPlan } from '../../../../shared/app/planning/insert-into-plan';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../../shared/app/planning/publish-plan';
import { ConflictError } from '../../../../shared/domain/errors';
import { HROMADA, taxiRequest } from '../../../support/fixtures';
import { demoDay, ENGINE, stopsOf, TUESDAY } from './demo-day';

describe('insert a phone request into the day', () => {
  it('inserts a phone request into the day under way: stops made stay, only the changed route is re-sent', async () => {
    const d = await demoDay();
    const { ports, clock, anna } = d;
    const petro = await d.resident('Петро Коваль');
    await d.driver({ name: 'Олег', phone: '067 401 12 01', vehicleIds: ['taxi'] });
    await d.driver({ name: 'Ірина', phone: '050 402 12 02', vehicleIds: ['brigade'] });
    const early = await d.ride(anna.id, '08:30');
    await d.ride(petro.id, '13:00');
    const draft = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    const published = (await publishPlan(ports, HROMADA, TUESDAY, draft.version, 'd')).plan;

    // 10:00 in Kyiv: the 08:30 ride is over; a resident phones for a ride at 11:30
    clock.at = new Date('2026-11-24T08:00:00Z');
    const late = await d.ride(petro.id, '11:30');
    const result = await insertIntoPlan(ports, HROMADA, TUESDAY, late.id, published.version, 'd', {
      timeLimitMs: 1000,
    });
    expect(result.plan.version).toBe(published.version + 1);
    expect(result.plan.status).toBe('published');
    const found = stopsOf(result.plan, late.id)!;
    expect(found.route.vehicleId).toBe(result.vehicleId);
    const [pickup, dropoff] = found.idx.map((i) => found.route.stops[i]!);
    expect([pickup!.kind, dropoff!.kind]).toEqual(['pickup', 'dropoff']);
    expect(pickup!.arrival >= late.window.start && pickup!.arrival <= late.window.end).toBe(true);
    // the ride made this morning is kept exactly as it was
    const before = stopsOf(published, early.id)!;
    const after = stopsOf(result.plan, early.id)!;
    expect(after.route.vehicleId).toBe(before.route.vehicleId);
    expect(after.idx.map((i) => after.route.stops[i])).toEqual(before.idx.map((i) => before.route.stops[i]));
    // only the drivers whose stops changed get a new route, under the new version
    const sent = (await ports.outbox.listByHromada(HROMADA)).items
      .filter((m) => m.kind === 'driver-route' && m.id.includes(`-v${result.plan.version}-`))
      .map((m) => m.id);
    expect(sent).toContain(`route-${TUESDAY}-${result.vehicleId}-v${result.plan.version}-1`);
    expect(result.messages).toBe(sent.length);
    for (const route of result.plan.routes) {
      const old = published.routes.find((r) => r.vehicleId === route.vehicleId);
      const resent = sent.some((id) => id.includes(`-${route.vehicleId}-`));
      expect(resent).toBe(JSON.stringify(old?.stops) !== JSON.stringify(route.stops));
    }

    // a ride after every shift ends does not fit (the rules refuse it at booking: an admin's
    // override books it): the plan says so, and nothing else moves
    const evening = await d.ride(petro.id, '18:00', { override: { reason: 'тест планування' } });
    const missed = await insertIntoPlan(ports, HROMADA, TUESDAY, evening.id, result.plan.version, 'd', {
      timeLimitMs: 200,
    });
    expect(missed.vehicleId).toBeUndefined();
    expect(missed.messages).toBe(0);
    expect(missed.plan.routes).toEqual(result.plan.routes);
    expect(missed.plan.unassigned).toEqual([
      { requestId: evening.id, reason: 'жодне авто не встигає у це вікно' },
    ]);

    // once in, it is in; a stale version or another day's request is a conflict
    const v = missed.plan.version;
    await expect(
      insertIntoPlan(ports, HROMADA, TUESDAY, late.id, v, 'd', { timeLimitMs: 200 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const other = await d.book(taxiRequest(anna.id, '2026-11-25', '09:00'));
    await expect(
      insertIntoPlan(ports, HROMADA, TUESDAY, other.id, v, 'd', { timeLimitMs: 200 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      insertIntoPlan(ports, HROMADA, TUESDAY, other.id, v - 1, 'd', { timeLimitMs: 200 }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
