import { describe, expect, it } from 'vitest';
import { OfflineTravelTimes } from '../../../../shared/adapters/offline-travel-times/offline-travel-times';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { createZones, deactivateZone, listZones } from '../../../../shared/app/zones/danger-zones';
import { ADDRESS_IN_ZONE, zoneUploadSchema } from '../../../../shared/domain/entities/danger-zone';
import type { LatLon, TravelProfile } from '../../../../shared/ports/travel-times';
import { HROMADA } from '../../../support/fixtures';
import { type DemoDay, demoDay, ENGINE, stopsOf, TUESDAY } from './demo-day';

const box = (w: number, s: number, e: number, n: number): [number, number][] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

/** A closed road: a north–south band across the road from Березна to Хмільник. */
const ROADBLOCK = {
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [box(27.89, 49.52, 27.9, 49.6)] },
  properties: { name: 'Міст закрито', kind: 'closed-road' },
};
/** Shelling around Петро's house in Березна (вул. Садова, 3: 49.5621, 27.8401); Ганна (27.8452) is outside. */
const SHELLING = {
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [box(27.839, 49.5615, 27.841, 49.5627)] },
  properties: { name: 'Обстріл' },
};

async function zonedDay(): Promise<{ d: DemoDay; ride: string; visit: string }> {
  const d = await demoDay();
  const upload = zoneUploadSchema.parse({ type: 'FeatureCollection', features: [ROADBLOCK, SHELLING] });
  await createZones(d.ports, HROMADA, upload, 'd');
  const petro = await d.resident('Петро Коваль');
  const ride = await d.ride(d.anna.id, '09:00');
  const visit = await d.visit(petro.id);
  return { d, ride: ride.id, visit: visit.id };
}

describe('planning around danger zones', () => {
  it('leaves a stop inside a zone out with the reason in Ukrainian, and drives around the closed road', async () => {
    const { d, ride, visit } = await zonedDay();
    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(plan.unassigned).toContainEqual({ requestId: visit, reason: ADDRESS_IN_ZONE });
    expect(stopsOf(plan, ride)).toBeDefined();
    // the checker (with its zone family) accepted the plan: no leg goes through the band unpaid
  });

  it('the checker refuses a plan whose travel times go straight through the zone', async () => {
    const { d } = await zonedDay();
    // a travel source that ignores the zones: straight through the closed road
    const blind = new OfflineTravelTimes();
    d.ports.travel = { matrix: (points: LatLon[], profile: TravelProfile) => blind.matrix(points, profile) };
    await expect(planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE)).rejects.toThrow(/\[zone\]/);
  });

  it('a ride across the closed road takes longer than without it; deactivated, the road is open again', async () => {
    const { d, ride } = await zonedDay();
    const zoned = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    const { items } = await listZones(d.ports, HROMADA, { active: true });
    expect(items.map((z) => z.name).sort()).toEqual(['Міст закрито', 'Обстріл']);
    for (const z of items) await deactivateZone(d.ports, HROMADA, z.id, z.version, 'd');
    const open = await planDay(d.ports, HROMADA, TUESDAY, 'd', { ...ENGINE, expectedVersion: zoned.version });
    const legOf = (p: typeof zoned) => {
      const at = stopsOf(p, ride)!;
      const [pick, drop] = at.idx.map((i) => at.route.stops[i]!);
      return Date.parse(drop!.arrival) - Date.parse(pick!.departure ?? pick!.arrival);
    };
    expect(legOf(zoned)).toBeGreaterThan(legOf(open));
    expect(open.unassigned).toEqual([]);
  });
});

describe('the upload', () => {
  it('refuses an open ring, a swapped [lat, lon] and too few positions, naming the path', () => {
    const bad = (coordinates: unknown) =>
      zoneUploadSchema.safeParse({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates },
        properties: null,
      });
    const open = bad([box(27.89, 49.52, 27.9, 49.6).slice(0, 4)]);
    expect(open.success).toBe(false);
    expect(JSON.stringify(open.error?.issues)).toContain('closed');
    const swapped = bad([box(49.52, 27.89, 49.6, 27.9)]);
    expect(swapped.error?.issues[0]?.path).toEqual(['geometry', 'coordinates', 0, 0]);
    expect(
      bad([
        [
          [27.9, 49.5],
          [27.9, 49.5],
        ],
      ]).success,
    ).toBe(false);
    expect(bad([box(27.89, 49.52, 27.9, 49.6)]).success).toBe(true);
  });

  it('takes a QGIS export as it is: its crs, name and fid are ignored', () => {
    const qgis = {
      type: 'FeatureCollection',
      name: 'zones',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [{ ...ROADBLOCK, properties: { fid: 1, name: 'Міст закрито', kind: 'closed-road' } }],
    };
    const parsed = zoneUploadSchema.parse(qgis);
    expect(parsed.features[0]!.properties).toEqual({ name: 'Міст закрито', kind: 'closed-road' });
    expect(zoneUploadSchema.safeParse({ type: 'FeatureCollection' }).error?.issues[0]?.path).toEqual([
      'features',
    ]);
  });
});
