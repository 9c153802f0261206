import { describe, expect, it } from 'vitest';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { routeLine } from '../../../../shared/app/planning/route-line';
import type { Viewer } from '../../../../shared/domain/viewer';
import { HROMADA } from '../../../support/fixtures';
import { demoDay, ENGINE, stopsOf, TUESDAY } from './demo-day';

/** Олена's house, where the confidential visit is. */
const HOUSE: [number, number] = [27.8401, 49.5621];

describe("a planned route's line for the map", () => {
  it('draws the depot, the stops in order and the depot again; a confidential stop only at its settlement for a reader who may not see it', async () => {
    const d = await demoDay();
    const olena = await d.resident('Олена Мельник', { confidential: true });
    const visit = await d.visit(olena.id);
    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    const { route } = stopsOf(plan, visit.id)!;
    const admin: Viewer = { id: 'a', role: 'admin' };
    const other: Viewer = { id: 'x', role: 'dispatcher' };

    const clear = await routeLine(d.ports, admin, HROMADA, TUESDAY, route.vehicleId);
    expect(clear.geometry.coordinates).toContainEqual(HOUSE);
    expect(clear.geometry.coordinates).toHaveLength(route.stops.length + 2);
    expect(clear.properties).toMatchObject({ source: 'offline', masked: false, planVersion: plan.version });

    const masked = await routeLine(d.ports, other, HROMADA, TUESDAY, route.vehicleId);
    expect(JSON.stringify(masked.geometry)).not.toContain('27.8401');
    expect(masked.properties.masked).toBe(true);
    // the read of the confidential case is audited like every other
    const reads = (await d.ports.entities.audit.list(HROMADA)).items.filter(
      (a) => a.action === 'read-confidential',
    );
    expect(reads.map((r) => r.actor)).toEqual(expect.arrayContaining(['x']));
  });

  it('a vehicle with no route that day is a 404', async () => {
    const d = await demoDay();
    await d.ride(d.anna.id, '09:00');
    await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    await expect(routeLine(d.ports, { id: 'a', role: 'admin' }, HROMADA, TUESDAY, 'nope')).rejects.toThrow(
      /nope/,
    );
  });
});
