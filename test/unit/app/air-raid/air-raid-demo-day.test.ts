import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { runEveryMinute } from '../../../../shared/app/every-minute';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import type { Plan } from '../../../../shared/domain/entities/plan';
import { ConflictError } from '../../../../shared/domain/errors';
import { HROMADA, type RecordingSmsSender } from '../../../support/fixtures';
import { setHromadaAreas } from '../../../support/hromada-areas';
import { type DemoPorts, TUESDAY } from '../planning/demo-day';
import { OLEH, PETRO, publishedDemoDay } from './published-demo-day';

const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

const hromadaOf = async (ports: DemoPorts) => (await ports.entities.hromady.get(HROMADA))!;
const messages = async (ports: DemoPorts) =>
  (await ports.outbox.listByHromada(HROMADA, { limit: 200 })).items;
const planOf = async (ports: DemoPorts) => (await ports.entities.plans.forDay(HROMADA, TUESDAY))!;
const arrivals = (plan: Plan, vehicleId: string) =>
  plan.routes.find((r) => r.vehicleId === vehicleId)!.stops.map((s) => Date.parse(s.arrival));

describe('an air-raid alert on the demo day, during the morning', () => {
  it('tells each driver on the road once, holds the non-urgent SMS, moves the times and re-plans after', async () => {
    const d = await publishedDemoDay();
    const morning = d.plan.routes.find((r) => r.stops.some((s) => s.requestId === d.rides.anna.id))!;
    const other = d.plan.routes.find((r) => r !== morning)!;
    expect(other).toBeDefined();
    const [onRoad, offRoad] = morning.vehicleId === 'taxi' ? [OLEH, PETRO] : [PETRO, OLEH];

    // Tuesday, a minute after Ганна's pickup: the morning route is under way, the other is not
    const start = new Date(Date.parse(morning.stops[0]!.departure) + 60_000);
    d.clock.at = start;
    const { alert, started } = await startAirRaid(d.ports, await hromadaOf(d.ports), AREA, 'dispatcher', 'd');
    expect(started).toBe(true);
    const told = (await messages(d.ports)).filter((m) => m.kind === 'air-raid');
    expect(told.map((m) => m.to)).toEqual([onRoad]);
    expect(told.filter((m) => m.to === offRoad)).toEqual([]);
    expect(told[0]).toMatchObject({ text: 'Повітряна тривога. Укриття. Маршрут на паузі.', segments: 1 });
    expect(alert.effects.driversTold).toEqual([
      { vehicleId: morning.vehicleId, messageId: told[0]!.id, at: alert.startedAt },
    ]);
    // a second start while it is in force changes nothing
    const again = await startAirRaid(d.ports, await hromadaOf(d.ports), AREA, 'dispatcher', 'd');
    expect(again).toMatchObject({ started: false, alert: { id: alert.id } });
    expect((await messages(d.ports)).filter((m) => m.kind === 'air-raid')).toHaveLength(1);

    // the driver's notice goes at once; "the car is near" and a confirmation are held
    expect(await sendOutboxMessage(d.ports, told[0]!.id, 1)).toBe('sent');
    d.clock.at = new Date(start.getTime() + 60_000);
    await runEveryMinute(d.ports);
    const near = (await messages(d.ports)).find((m) => m.kind === 'vehicle-near');
    expect(near).toBeDefined();
    expect(await sendOutboxMessage(d.ports, near!.id, near!.version)).toBe('held');
    await d.ride(d.anna.id, '10:00', { date: '2026-11-26' });
    const confirmation = (await messages(d.ports)).find((m) => m.kind === 'booking-confirmation');
    expect(confirmation).toBeDefined();
    expect(await sendOutboxMessage(d.ports, confirmation!.id, confirmation!.version)).toBe('held');
    const heldNow = (await messages(d.ports)).filter((m) => m.heldForAirRaid === alert.id);
    expect(heldNow.map((m) => m.id).sort()).toEqual([confirmation!.id, near!.id].sort());
    expect(heldNow.every((m) => m.status === 'pending' && m.heldUntil)).toBe(true);
    expect((d.ports.sms as RecordingSmsSender).sent.map((s) => s.to)).toEqual([onRoad]);

    // 30 minutes in: the stops not made on the paused route are 30 minutes later, the made ones stay
    const before = await planOf(d.ports);
    d.clock.at = new Date(start.getTime() + 30 * 60_000);
    expect(await pollAirRaids(d.ports, NO_FEED)).toMatchObject({ shifted: 1, started: 0, ended: 0 });
    const after = await planOf(d.ports);
    const was = arrivals(before, morning.vehicleId);
    const now = arrivals(after, morning.vehicleId);
    const moved = now.map((t, i) => (t - was[i]!) / 60_000);
    expect(moved[0]).toBe(0);
    expect(moved.filter((m) => m === 30).length).toBeGreaterThan(0);
    expect(moved.every((m) => m === 0 || m === 30)).toBe(true);
    expect(arrivals(after, other.vehicleId)).toEqual(arrivals(before, other.vehicleId));
    // a second run in the same minute moves nothing more
    expect(await pollAirRaids(d.ports, NO_FEED)).toMatchObject({ shifted: 0 });

    // the end, 40 minutes in: re-planned through the checker, published, held messages go on
    d.clock.at = new Date(start.getTime() + 40 * 60_000);
    const ended = await endAirRaid(d.ports, await hromadaOf(d.ports), 'd', { maxIterations: 400, seed: 1 });
    expect(ended.endedAt).toBe(d.clock.at.toISOString());
    expect(ended.effects.replanError).toBeUndefined();
    const replanned = await planOf(d.ports);
    expect(ended.effects.replanVersion).toBe(replanned.version);
    expect(replanned.status).toBe('published');
    expect(ended.effects).toMatchObject({ shiftedMinutes: 40, heldCount: heldNow.length });
    expect(ended.effects.released + ended.effects.dropped).toBe(heldNow.length);
    expect(ended.effects.windowsMoved).toBeGreaterThan(0);
    const afterEnd = await messages(d.ports);
    const heldIds = new Set(heldNow.map((m) => m.id));
    // released once: no longer naming the alert
    expect(afterEnd.filter((x) => x.heldForAirRaid === alert.id)).toEqual([]);
    for (const m of afterEnd.filter((x) => heldIds.has(x.id))) {
      if (m.status === 'suppressed') expect(m.kind).toBe('vehicle-near');
      else if (!m.heldUntil) expect(await sendOutboxMessage(d.ports, m.id, m.version)).toBe('sent');
    }
    // the log lists it with its effects; the attention list has its start and end
    const log = await d.ports.entities.airRaids.list(HROMADA);
    expect(log.items.map((a) => a.id)).toEqual([alert.id]);
    const attention = await d.ports.entities.alerts.forDay(HROMADA, TUESDAY, undefined);
    expect(attention.items.filter((a) => a.kind === 'air-raid')).toHaveLength(2);
    // ending again: nothing in force
    await expect(endAirRaid(d.ports, await hromadaOf(d.ports), 'd')).rejects.toBeInstanceOf(ConflictError);
  });

  it('the feed starts an alert for the raion the hromada lies in, and ends only its own', async () => {
    const d = await publishedDemoDay();
    await setHromadaAreas(d.ports, HROMADA, { raionId: 'UA05120000000017020' });
    d.clock.at = new Date('2026-11-24T06:00:00Z');
    const raion = { activeAreas: async () => [{ level: 'raion' as const, id: 'UA05120000000017020' }] };
    expect(await pollAirRaids(d.ports, raion)).toMatchObject({ started: 1 });
    expect(await d.ports.entities.airRaids.active(HROMADA)).toMatchObject({ source: 'feed' });
    const broken = {
      activeAreas: async () => {
        throw new Error('feed down');
      },
    };
    expect(await pollAirRaids(d.ports, broken)).toMatchObject({ ended: 0, feedError: 'feed down' });
    d.clock.at = new Date('2026-11-24T06:20:00Z');
    expect(await pollAirRaids(d.ports, NO_FEED)).toMatchObject({ ended: 1 });
    expect(await d.ports.entities.airRaids.active(HROMADA)).toBeUndefined();
  });
});
