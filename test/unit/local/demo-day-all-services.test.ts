/**
 * Issue 9's acceptance: the demo day with every service (social taxi with standing orders, the
 * mobile brigade, the mobile case, deliveries) seeded, generated and planned together.
 */
import { describe, expect, it } from 'vitest';
import { nextDemoDay } from '../../../infra/local/demo-day';
import { DEMO_CASE_VAN } from '../../../infra/local/demo-mobile-case';
import { DEMO_HROMADA_ID as H } from '../../../infra/local/demo-places';
import { seedDemo } from '../../../infra/local/seed-demo';
import { planDay } from '../../../shared/app/planning/plan-day';
import { generateStandingOrders } from '../../../shared/app/standing-orders/generate-standing-orders';
import { CASE_STOP_LATE_MINUTES, toMinutes } from '../../../shared/domain/case-slots';
import type { Plan } from '../../../shared/domain/entities/plan';
import { localTimeLabel } from '../../../shared/domain/time';
import { FakeClock, memoryPorts } from '../../support/fixtures';

const minutes = (iso: string) => toMinutes(localTimeLabel(new Date(iso)));

/** For each stop of an exclusive request: who else is on board on the way there or while there. */
function sharedWith(plan: Plan, exclusive: Set<string>): Record<string, string[]> {
  const shared: Record<string, string[]> = {};
  for (const route of plan.routes) {
    const onBoard = new Set<string>();
    for (const stop of route.stops) {
      if (stop.kind === 'pickup') onBoard.add(stop.requestId);
      // on the way to this stop and at it: everyone on board now (a pickup included itself)
      const others = [...onBoard].filter((id) => id !== stop.requestId);
      if (exclusive.has(stop.requestId)) shared[`${stop.requestId} ${stop.kind}`] = others;
      // an exclusive rider on board: nobody else rides with them
      for (const id of onBoard) {
        if (!exclusive.has(id) || id === stop.requestId) continue;
        const key = `${id} ride`;
        shared[key] = [...(shared[key] ?? []), ...[...onBoard].filter((o) => o !== id)];
      }
      if (stop.kind === 'dropoff') onBoard.delete(stop.requestId);
    }
  }
  return shared;
}

describe('the demo day with every service', () => {
  it('plans standing orders, fixed returns, the mobile case, confidential visits and handovers together (checker-accepted)', async () => {
    // Sunday evening in Kyiv: the demo day is Monday 23 Nov 2026 (dialysis Mon/Wed/Fri, rehab Mon–Fri)
    const { ports } = memoryPorts(new FakeClock(new Date('2026-11-22T18:00:00Z')));
    const day = nextDemoDay(ports.clock.now());
    expect(day).toBe('2026-11-23');
    expect(await seedDemo(ports)).toBe('seeded');
    expect(await generateStandingOrders(ports)).toMatchObject({ orders: 2 });
    const requests = await ports.entities.requests.forDay(H, day);
    const services = new Set(requests.map((r) => r.serviceType));
    expect([...services].sort()).toEqual(['delivery', 'mobile-brigade', 'mobile-case', 'social-taxi']);

    // planning runs the independent checker: a refusal would throw (CheckerRefusal), saving nothing
    const plan = await planDay(ports, H, day, 'demo', { timeLimitMs: 1e9, maxIterations: 400, seed: 1 });
    expect(plan).toMatchObject({ date: day, version: 1, status: 'draft' });
    expect(await ports.entities.plans.forDay(H, day)).toMatchObject({ version: 1 });
    const stops = plan.routes.flatMap((r) => r.stops.map((s) => ({ ...s, vehicleId: r.vehicleId })));
    const at = (requestId: string, kind: string) =>
      stops.find((s) => s.requestId === requestId && s.kind === kind);
    const unassigned = new Set(plan.unassigned.map((u) => u.requestId));

    // the standing orders' rides are generated and planned (the will-call return waits for ДОДОМУ)
    const standing = requests.filter((r) => r.standingOrderId);
    expect(standing.map((r) => r.id).sort()).toEqual([
      `dialysis-polishchuk-${day}`,
      `dialysis-polishchuk-${day}-r`,
      `rehab-kovalchuk-${day}`,
      `rehab-kovalchuk-${day}-r`,
    ]);
    for (const r of standing.filter((s) => !s.awaitingCall)) {
      expect(unassigned.has(r.id)).toBe(false);
      expect(at(r.id, 'pickup')).toBeDefined();
      expect(at(r.id, 'dropoff')).toBeDefined();
    }
    expect(stops.some((s) => s.requestId === `rehab-kovalchuk-${day}-r`)).toBe(false);

    // a fixed return follows its appointment: picked up at the place after the ride there arrived
    const fixedReturns = requests.filter((r) => r.returnOf && !r.awaitingCall);
    expect(fixedReturns.length).toBeGreaterThan(0);
    for (const back of fixedReturns) {
      const there = at(back.returnOf!, 'dropoff')!;
      const pickedUp = at(back.id, 'pickup')!;
      expect(there).toBeDefined();
      expect(pickedUp).toBeDefined();
      expect(Date.parse(pickedUp.arrival)).toBeGreaterThan(Date.parse(there.departure));
      // within the return's agreed window, around its fixed time
      expect(Date.parse(pickedUp.arrival)).toBeGreaterThanOrEqual(Date.parse(back.window.start));
      expect(Date.parse(pickedUp.arrival)).toBeLessThanOrEqual(Date.parse(back.window.end));
    }

    // the mobile-case workstation visits each stop within its hours, on its own van
    const caseStops = await ports.entities.caseStops.between(H, day, day);
    expect(caseStops.length).toBeGreaterThan(0);
    for (const stop of caseStops) {
      const planned = at(stop.id, 'visit')!;
      expect(planned).toMatchObject({ vehicleId: DEMO_CASE_VAN });
      const arrival = minutes(planned.arrival);
      expect(arrival).toBeGreaterThanOrEqual(toMinutes(stop.from));
      expect(arrival).toBeLessThanOrEqual(toMinutes(stop.from) + CASE_STOP_LATE_MINUTES);
      expect(arrival).toBeLessThan(toMinutes(stop.to));
    }
    for (const home of requests.filter((r) => r.caseStopId))
      expect(at(home.id, 'visit')).toMatchObject({ vehicleId: DEMO_CASE_VAN });

    // no confidential (or exclusive) visit or ride shares the vehicle with anyone
    const exclusive = new Set(requests.filter((r) => r.confidential || r.exclusive).map((r) => r.id));
    expect(exclusive.size).toBeGreaterThan(0);
    const shared = sharedWith(plan, exclusive);
    expect(Object.keys(shared).length).toBeGreaterThan(0);
    for (const [stop, others] of Object.entries(shared))
      expect({ stop, others }).toEqual({ stop, others: [] });

    // deliveries with handover rules are on a route
    const handovers = requests.filter((r) => r.serviceType === 'delivery' && r.handover);
    expect(handovers).toHaveLength(2);
    for (const d of handovers) expect(at(d.id, 'visit')).toBeDefined();
  }, 30_000); // the whole demo is seeded first, its regional tour planned too
});
