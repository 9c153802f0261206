/**
 * What the end of a same-day alert sends: no driver is sent to shelter at the all-clear, and a
 * held confirmation never reaches the resident after the new window the re-plan told them.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../../../shared/app/service-requests';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA, taxiRequest } from '../../../support/fixtures';
import { bookingOf } from '../../../support/inputs';

const DAY = '2026-11-24';
const AREA = { level: 'hromada', id: HROMADA } as const;
const END = { maxIterations: 400, seed: 1 };

describe('the all-clear of a same-day alert', () => {
  it('sends no «Укриття» to a driver whose route comes within the lead at the all-clear', async () => {
    const { ports, clock } = await airRaidDays([DAY], [{ who: 'anna', date: DAY, time: '14:00' }]);
    const plan = (await ports.entities.plans.forDay(HROMADA, DAY))!;
    const first = Date.parse(plan.routes[0]!.stops[0]!.arrival);
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    // 45 minutes before the first stop: not on the road; the all-clear 16 minutes later is inside the lead
    clock.at = new Date(first - 45 * 60_000);
    const { alert } = await startAirRaid(ports, hromada, AREA, 'dispatcher', 'd');
    expect(alert.effects.driversTold).toEqual([]);
    clock.at = new Date(first - 29 * 60_000);
    const ended = await endAirRaid(ports, hromada, 'd', END);
    expect(ended.effects.driversTold).toEqual([]);
    const told = (await ports.outbox.listByHromada(HROMADA, { limit: 100 })).items.filter(
      (m) => m.kind === 'air-raid',
    );
    expect(told).toEqual([]);
  });

  it("drops a held confirmation when the re-plan told the request's new window", async () => {
    const { ports, clock, rides } = await airRaidDays([DAY], [{ who: 'anna', date: DAY, time: '10:00' }]);
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    clock.at = localToUtc(DAY, '09:40');
    await startAirRaid(ports, hromada, AREA, 'dispatcher', 'd');
    // booked during the alert: its confirmation (the booked window) is held
    const booked = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(rides[0]!.residentId!, DAY, '11:00')),
      'd',
    );
    const confirmation = (await ports.outbox.listByHromada(HROMADA, { limit: 300 })).items.find(
      (m) => m.subject === `REQUEST#${booked.id}` && m.kind === 'booking-confirmation',
    )!;
    expect(await sendOutboxMessage(ports, confirmation.id, confirmation.version)).toBe('held');
    clock.at = localToUtc(DAY, '10:30');
    const ended = await endAirRaid(ports, hromada, 'd', END);
    const plan = (await ports.entities.plans.forDay(HROMADA, DAY))!;
    expect(ended.effects.replanVersion).toBe(plan.version);
    // the re-plan told the new window (a later, planned one) ...
    expect(await ports.outbox.get(`window-${booked.id}-v${plan.version}`)).toMatchObject({
      status: 'pending',
    });
    // ... so the booked one is not sent after it
    expect(await ports.outbox.get(confirmation.id)).toMatchObject({ status: 'suppressed' });
    expect(ended.effects.dropped).toBe(1);
  });
});
