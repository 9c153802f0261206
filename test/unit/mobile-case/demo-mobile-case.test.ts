import { describe, expect, it } from 'vitest';
import { DEMO_CASE_VAN } from '../../../infra/local/demo-mobile-case';
import { seedDemo } from '../../../infra/local/seed-demo';
import { getCaseStop } from '../../../shared/app/mobile-case/case-stops';
import { planDay } from '../../../shared/app/planning/plan-day';
import { CASE_STOP_LATE_MINUTES, toMinutes } from '../../../shared/domain/case-slots';
import { localTimeLabel } from '../../../shared/domain/time';
import { memoryPorts } from '../../support/fixtures';

const H = 'khmilnytska';
const DAY = '2026-11-24';
const minutes = (iso: string) => toMinutes(localTimeLabel(new Date(iso)));

describe('the demo mobile case', () => {
  it('plans the demo day: the van visits each district stop within its hours, then the home visit (checker-accepted)', async () => {
    const { ports } = memoryPorts(); // Monday 23 Nov 2026, 12:00 Kyiv: the demo day is Tuesday
    expect(await seedDemo(ports)).toBe('seeded');
    const stops = await ports.entities.caseStops.between(H, DAY, DAY);
    expect(stops.map((s) => `${s.settlementName} ${s.from}-${s.to}`)).toEqual([
      'Березна 09:00-11:00',
      'Соколова 11:30-13:00',
      'Лозова 14:00-15:30',
    ]);
    const requests = await ports.entities.requests.forDay(H, DAY);
    // the demo day's 12, two deliveries, the second brigade visit, and the home visit
    expect(requests).toHaveLength(16);
    expect(requests.filter((r) => r.caseStopId)).toHaveLength(1);
    const plan = await planDay(ports, H, DAY, 'd', { timeLimitMs: 1e9, maxIterations: 300, seed: 1 });
    const van = plan.routes.find((r) => r.vehicleId === DEMO_CASE_VAN)!;
    const home = requests.find((r) => r.caseStopId)!;
    expect(van.stops.map((s) => s.requestId)).toEqual([...stops.map((s) => s.id), home.id]);
    for (const stop of stops) {
      const planned = van.stops.find((s) => s.requestId === stop.id)!;
      const arrival = minutes(planned.arrival);
      expect(arrival).toBeGreaterThanOrEqual(toMinutes(stop.from));
      expect(arrival).toBeLessThanOrEqual(toMinutes(stop.from) + CASE_STOP_LATE_MINUTES);
      expect(minutes(planned.departure) - arrival).toBe(toMinutes(stop.to) - toMinutes(stop.from));
    }
    const booked = (await getCaseStop(ports, H, stops[0]!.id)).slots.filter((s) => s.residentId);
    expect(booked.map((s) => [s.time, s.residentId])).toEqual([['09:20', 'resident-1']]);
  }, 30_000); // the whole demo is seeded first, its regional tour planned too
});
