import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generatePlanningDay,
  type PlanningDay,
  type RealSettlement,
  serviceCounts,
} from '../../../scripts/lib/planning-day-generator';
import { serviceRequestCreateSchema } from '../../../shared/domain/entities/service-request';

const real = (
  JSON.parse(
    readFileSync(new URL('../../../infra/local/demo-data/khmilnytska-hromada.json', import.meta.url), 'utf8'),
  ) as { settlements: RealSettlement[] }
).settlements;
const located = real.filter((s) => s.lat !== null && s.lon !== null);
const day = (o: Partial<Parameters<typeof generatePlanningDay>[1]> = {}) =>
  generatePlanningDay(real, {
    requests: 300,
    vehicles: 12,
    settlements: 40,
    seed: 1,
    date: '2026-12-04',
    ...o,
  });

/** Requests as the platform counts them: a ride booked with its return is two. */
const requestCount = (d: PlanningDay) => d.bookings.reduce((n, b) => n + (b.return ? 2 : 1), 0);
const byService = (d: PlanningDay) => {
  const out: Record<string, number> = {};
  for (const b of d.bookings) out[b.serviceType] = (out[b.serviceType] ?? 0) + (b.return ? 2 : 1);
  return out;
};

describe('bench:planning: the generated day', () => {
  it('has the asked number of requests, vehicles and settlements, the real ones first', () => {
    const d = day();
    expect(requestCount(d)).toBe(300);
    expect(d.vehicles).toHaveLength(12);
    expect(d.settlements).toHaveLength(40);
    const realIds = new Set(located.map((s) => s.katottg));
    expect(d.settlements.filter((s) => !s.generated).every((s) => realIds.has(s.id))).toBe(true);
    expect(d.settlements.filter((s) => !s.generated)).toHaveLength(located.length);
    expect(d.centre.name).toBe('Хмільник');
  });

  it('mixes the four services by their shares, with wheelchairs, returns, confidential and exclusive visits, and case stops', () => {
    const d = day();
    expect(byService(d)).toEqual(serviceCounts(300));
    expect(Object.keys(byService(d)).sort()).toEqual([
      'delivery',
      'mobile-brigade',
      'mobile-case',
      'social-taxi',
    ]);
    const taxiRiders = new Set(
      d.bookings.filter((b) => b.serviceType === 'social-taxi').map((b) => b.residentId),
    );
    const residents = new Map(d.residents.map((r) => [r.id, r]));
    expect([...taxiRiders].some((id) => residents.get(id)!.wheelchair)).toBe(true);
    expect(d.bookings.some((b) => b.return)).toBe(true);
    const brigade = d.bookings.filter((b) => b.serviceType === 'mobile-brigade');
    expect(brigade.some((b) => residents.get(b.residentId)!.confidential)).toBe(true);
    expect(brigade.some((b) => b.exclusive)).toBe(true);
    expect(d.caseStops.length).toBeGreaterThan(0);
    const scheduled = new Set(d.caseStops.map((s) => s.scheduleId));
    const visits = d.bookings.filter((b) => b.serviceType === 'mobile-case');
    expect(visits.every((b) => b.caseScheduleId && scheduled.has(b.caseScheduleId))).toBe(true);
    const fleet = new Set(d.vehicles.flatMap((v) => v.services));
    expect([...fleet].sort()).toEqual(['delivery', 'mobile-brigade', 'mobile-case', 'social-taxi']);
  });

  it('gives bookings the API accepts', () => {
    for (const { caseScheduleId, ...b } of day().bookings) {
      const body = caseScheduleId ? { ...b, caseStopId: `${caseScheduleId}-2026-12-04` } : b;
      expect(serviceRequestCreateSchema.safeParse(body).success).toBe(true);
    }
  });

  it('is the same day for the same seed, another for another seed', () => {
    expect(day({ seed: 7 })).toEqual(day({ seed: 7 }));
    expect(day({ seed: 8 }).bookings).not.toEqual(day({ seed: 7 }).bookings);
  });

  it('generates the settlements the demo data lacks near real ones, for a large hromada', () => {
    const d = day({ requests: 1000, vehicles: 40, settlements: 120 });
    expect(requestCount(d)).toBe(1000);
    expect(d.vehicles).toHaveLength(40);
    expect(d.settlements).toHaveLength(120);
    const generated = d.settlements.filter((s) => s.generated);
    expect(generated).toHaveLength(120 - located.length);
    expect(new Set(d.settlements.map((s) => s.id)).size).toBe(120);
    // each within ~9 km of some real settlement
    const near = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
      Math.hypot((a.lat - b.lat) * 111, (a.lon - b.lon) * 72) < 9;
    expect(generated.every((g) => located.some((s) => near(g.location, { lat: s.lat!, lon: s.lon! })))).toBe(
      true,
    );
  });
});
