import { describe, expect, it } from 'vitest';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { bookServiceRequest } from '../../../../shared/app/service-requests';
import {
  curfewSpans,
  IN_CURFEW,
  outsideSpans,
  shiftOutsideCurfew,
  touchesCurfew,
} from '../../../../shared/domain/curfew';
import { hromadaRulesSchema } from '../../../../shared/domain/entities/hromada';
import { RuleRefusalError } from '../../../../shared/domain/errors';
import { localTimeLabel } from '../../../../shared/domain/time';
import { FakeClock, HROMADA, taxiRequest, withRules } from '../../../support/fixtures';
import { bookingOf } from '../../../support/inputs';
import { demoDay, ENGINE, TUESDAY } from './demo-day';

const H = 3_600_000;

describe('curfew hours (комендантська година)', () => {
  it('is a per-hromada rule; from and to must differ', () => {
    expect(hromadaRulesSchema.parse({}).curfew).toBeUndefined();
    expect(hromadaRulesSchema.parse({ curfew: { from: '00:00', to: '05:00' } }).curfew).toEqual({
      from: '00:00',
      to: '05:00',
    });
    expect(hromadaRulesSchema.safeParse({ curfew: { from: '05:00', to: '05:00' } }).success).toBe(false);
  });

  it('keeps its local hours on a DST day: 00:00–05:00 on 29 March 2026 lasts four hours', () => {
    const [span] = curfewSpans({ from: '00:00', to: '05:00' }, '2026-03-29', 'Europe/Kyiv');
    expect(new Date(span!.startMs).toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(new Date(span!.endMs).toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(span!.endMs - span!.startMs).toBe(4 * H);
    // an overnight curfew covers the night before the date and the night after
    const night = curfewSpans({ from: '23:00', to: '05:00' }, '2026-10-25', 'Europe/Kyiv');
    expect(night.map((s) => (s.endMs - s.startMs) / H)).toEqual([7, 6]);
  });

  it('clips a shift to its free part, and a window to its longest free piece', () => {
    const curfew = { from: '00:00', to: '05:00' };
    expect(shiftOutsideCurfew(curfew, TUESDAY, 'Europe/Kyiv', { start: '04:00', end: '20:00' })).toEqual({
      start: '05:00',
      end: '20:00',
    });
    expect(
      shiftOutsideCurfew(curfew, TUESDAY, 'Europe/Kyiv', { start: '01:00', end: '04:30' }),
    ).toBeUndefined();
    const spans = [{ startMs: 10, endMs: 20 }];
    expect(outsideSpans({ startMs: 5, endMs: 30 }, spans)).toEqual({ startMs: 20, endMs: 30 });
    expect(outsideSpans({ startMs: 12, endMs: 18 }, spans)).toBeUndefined();
    expect(touchesCurfew(undefined, TUESDAY, 'Europe/Kyiv', { startMs: 0, endMs: 1 })).toBe(false);
  });

  it('plans no stop inside it: a ride wholly inside is unassigned with the reason, one cut by it keeps its free part', async () => {
    const d = await demoDay();
    await withRules(d.ports, { curfew: { from: '16:30', to: '09:20' } });
    const late = await d.ride(d.anna.id, '17:00');
    // 09:15–09:45: the curfew leaves 09:20–09:45
    const edge = await d.ride(d.anna.id, '09:30');
    const morning = await d.ride(d.anna.id, '11:00');
    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(plan.unassigned).toContainEqual({ requestId: late.id, reason: IN_CURFEW });
    const onRoutes = plan.routes.flatMap((r) => r.stops.map((s) => s.requestId));
    expect(onRoutes).toContain(edge.id);
    expect(onRoutes).toContain(morning.id);
    for (const route of plan.routes) {
      for (const stop of route.stops) {
        const t = localTimeLabel(new Date(stop.arrival));
        expect(t >= '09:20' && t < '16:30', `${stop.requestId} at ${t}`).toBe(true);
      }
    }
  });

  it('refuses a booking inside it with the rule code rule-curfew and a Ukrainian reason', async () => {
    const d = await demoDay({ clock: new FakeClock(new Date('2026-11-23T10:00:00Z')) });
    await withRules(d.ports, { curfew: { from: '12:00', to: '13:00' } });
    const book = (time: string) =>
      bookServiceRequest(d.ports, HROMADA, bookingOf(taxiRequest(d.anna.id, TUESDAY, time)), 'd', {
        admin: false,
      });
    const error = await book('12:30').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuleRefusalError);
    expect((error as RuleRefusalError).code).toBe('rule-curfew');
    expect((error as RuleRefusalError).reason).toMatch(/комендантської години \(12:00–13:00\)/);
    await expect(book('09:00')).resolves.toMatchObject({ date: TUESDAY });
  });
});
