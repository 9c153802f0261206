/** The demo day with the brigade: its confidential visits are planned with nobody else in the car. */
import { describe, expect, it } from 'vitest';
import { nextDemoDay, seedDemoDay } from '../../../infra/local/demo-day';
import { seedDemo } from '../../../infra/local/seed-demo';
import { planDay } from '../../../shared/app/planning/plan-day';
import { FakeClock, memoryPorts } from '../../support/fixtures';

describe('the demo brigade', () => {
  it('plans the demo day’s confidential brigade visits with no rider on board', async () => {
    const now = new Date('2026-12-02T08:00:00Z');
    const { ports } = memoryPorts(new FakeClock(now));
    await seedDemo(ports);
    const day = nextDemoDay(now);
    await seedDemoDay(ports, day);
    const requests = await ports.entities.requests.forDay('khmilnytska', day);
    const confidential = new Set(requests.filter((r) => r.confidential).map((r) => r.id));
    expect(confidential.size).toBe(2);
    expect(requests.filter((r) => r.serviceType === 'mobile-brigade').every((r) => r.confidential)).toBe(
      true,
    );

    const plan = await planDay(ports, 'khmilnytska', day, 'demo', {
      timeLimitMs: 1e9,
      maxIterations: 400,
      seed: 1,
    });
    expect(plan.unassigned).toEqual([]);
    const riders: number[] = [];
    for (const route of plan.routes) {
      const onBoard = new Set<string>();
      for (const stop of route.stops) {
        if (stop.kind === 'visit' && confidential.has(stop.requestId)) riders.push(onBoard.size);
        if (stop.kind === 'pickup') onBoard.add(stop.requestId);
        if (stop.kind === 'dropoff') onBoard.delete(stop.requestId);
      }
    }
    expect(riders).toEqual([0, 0]);
  }, 30_000); // the whole demo is seeded first, its regional tour planned too
});
