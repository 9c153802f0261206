import { describe, expect, it } from 'vitest';
import { nextDemoDay, seedDemoDay } from '../../../infra/local/demo-day';
import { DEMO_HROMADA_ID } from '../../../infra/local/demo-places';
import { seedDemo } from '../../../infra/local/seed-demo';
import { planDay } from '../../../shared/app/planning/plan-day';
import { generateStandingOrders } from '../../../shared/app/standing-orders/generate-standing-orders';
import { localTimeLabel } from '../../../shared/domain/time';
import { FakeClock, memoryPorts } from '../../support/fixtures';

describe('the demo social taxi', () => {
  it("planning the demo day takes the standing orders' rides; the fixed return follows the appointment", async () => {
    // Sunday evening in Kyiv: the demo day is Monday 23 Nov 2026 (dialysis Mon/Wed/Fri, rehab Mon–Fri)
    const { ports } = memoryPorts(new FakeClock(new Date('2026-11-22T18:00:00Z')));
    const day = nextDemoDay(ports.clock.now());
    expect(day).toBe('2026-11-23');
    await seedDemo(ports);
    // the demo seed books the demo day (the mobile case's home visit with it): present either way
    expect(['booked', 'present']).toContain(await seedDemoDay(ports, day));
    expect((await ports.entities.requests.forDay(DEMO_HROMADA_ID, day)).length).toBeGreaterThan(10);
    expect(await generateStandingOrders(ports)).toMatchObject({ orders: 2, created: 8 });
    const requests = await ports.entities.requests.forDay(DEMO_HROMADA_ID, day);
    expect(
      requests
        .filter((r) => r.standingOrderId)
        .map((r) => r.id)
        .sort(),
    ).toEqual([
      'dialysis-polishchuk-2026-11-23',
      'dialysis-polishchuk-2026-11-23-r',
      'rehab-kovalchuk-2026-11-23',
      'rehab-kovalchuk-2026-11-23-r',
    ]);
    expect(requests.find((r) => r.id === 'rehab-kovalchuk-2026-11-23-r')).toMatchObject({
      awaitingCall: true,
    });

    const plan = await planDay(ports, DEMO_HROMADA_ID, day, 'demo', { timeLimitMs: 1e9, maxIterations: 300 });
    const stops = plan.routes.flatMap((r) => r.stops);
    const at = (requestId: string, kind: string) =>
      stops.find((s) => s.requestId === requestId && s.kind === kind);
    const dropped = at('dialysis-polishchuk-2026-11-23', 'dropoff');
    const back = at('dialysis-polishchuk-2026-11-23-r', 'pickup');
    expect(plan.unassigned.filter((u) => u.requestId.startsWith('dialysis'))).toEqual([]);
    expect(localTimeLabel(new Date(dropped!.arrival)) <= '07:30').toBe(true);
    expect(localTimeLabel(new Date(back!.arrival)) >= '11:45').toBe(true);
    expect(at('rehab-kovalchuk-2026-11-23', 'pickup')).toBeDefined();
    // the will-call return waits for ДОДОМУ: neither routed nor unassigned
    expect(stops.some((s) => s.requestId === 'rehab-kovalchuk-2026-11-23-r')).toBe(false);
    expect(plan.unassigned.some((u) => u.requestId === 'rehab-kovalchuk-2026-11-23-r')).toBe(false);
  }, 30_000); // the whole demo is seeded first, its regional tour planned too
});
