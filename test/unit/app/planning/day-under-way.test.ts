import { describe, expect, it } from 'vitest';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { updateEntity } from '../../../../shared/app/registry';
import { ConflictError } from '../../../../shared/domain/errors';
import { registryKinds } from '../../../../shared/domain/registry';
import { HROMADA } from '../../../support/fixtures';
import { demoDay, ENGINE, stopsOf, TUESDAY } from './demo-day';

describe('a day under way', () => {
  it('re-plans the day under way: stops made stay as they were, the rest is planned from now on', async () => {
    const d = await demoDay();
    const { ports, clock, anna } = d;
    const petro = await d.resident('Петро Коваль');
    const early = await d.ride(anna.id, '08:30');
    const later = await d.ride(petro.id, '10:15');
    const first = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);

    clock.at = new Date('2026-11-24T08:00:00Z'); // 10:00 in Kyiv
    const noon = await d.ride(anna.id, '12:00');
    const second = await planDay(ports, HROMADA, TUESDAY, 'd', { ...ENGINE, expectedVersion: first.version });
    const was = stopsOf(first, early.id)!;
    const is = stopsOf(second, early.id)!;
    expect(is.route.vehicleId).toBe(was.route.vehicleId);
    expect(is.idx.map((i) => is.route.stops[i])).toEqual(was.idx.map((i) => was.route.stops[i]));
    for (const id of [later.id, noon.id]) {
      const { route, idx } = stopsOf(second, id)!;
      for (const i of idx) expect(route.stops[i]!.arrival >= '2026-11-24T08:00:00.000Z').toBe(true);
    }
    expect(second.unassigned).toEqual([]);

    // the car with the 10:15 ride breaks down: re-planned, its open rides go to the other car
    const broken = stopsOf(second, later.id)!.route.vehicleId;
    await updateEntity(ports, registryKinds.vehicles, HROMADA, broken, { version: 1, active: false }, 'd');
    const third = await planDay(ports, HROMADA, TUESDAY, 'd', { ...ENGINE, expectedVersion: second.version });
    expect(third.routes.map((r) => r.vehicleId)).not.toContain(broken);
    expect(stopsOf(third, later.id)!.route.vehicleId).not.toBe(broken);
    // a ride already made by the broken car is not planned again (nor kept: see docs/architecture.md)
    expect(was.route.vehicleId).toBe(broken); // (the same car made the 08:30 ride)
    expect(stopsOf(third, early.id)).toBeUndefined();
    // yesterday is not planned any more
    await expect(planDay(ports, HROMADA, '2026-11-23', 'd', ENGINE)).rejects.toBeInstanceOf(ConflictError);
  });
});
