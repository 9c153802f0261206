/**
 * An air-raid alert longer than a day: set on Friday at 22:00, ended on Sunday at 06:00. Saturday
 * lies wholly inside it: none of its rides could be made and the day is over at the end, so it is
 * not planned again; each of its open requests is put on the dispatcher's attention list (the day
 * the alert ended) as a ride to rebook, its held messages are dropped, and the log keeps the day
 * as wholly inside. Sunday, the day it ended on, is re-planned through the checker as before.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { runEveryMinute } from '../../../../shared/app/every-minute';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../../../shared/app/service-requests';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA, taxiRequest } from '../../../support/fixtures';
import { bookingOf } from '../../../support/inputs';

const FRIDAY = '2026-11-27';
const SATURDAY = '2026-11-28';
const SUNDAY = '2026-11-29';
const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

async function weekendInShelter() {
  const { ports, clock, rides } = await airRaidDays(
    [FRIDAY, SATURDAY, SUNDAY],
    [
      { who: 'anna', date: FRIDAY, time: '18:00' },
      { who: 'olena', date: SATURDAY, time: '09:00' },
      { who: 'anna', date: SATURDAY, time: '14:00' },
      { who: 'olena', date: SUNDAY, time: '08:00' },
    ],
  );
  const hromada = async () => (await ports.entities.hromady.get(HROMADA))!;
  clock.at = localToUtc(FRIDAY, '22:00');
  await startAirRaid(ports, await hromada(), AREA, 'dispatcher', 'd');
  // a ride booked for Saturday during the alert: its confirmation is held
  const booked = await bookServiceRequest(
    ports,
    HROMADA,
    bookingOf(taxiRequest(rides[0]!.residentId!, SATURDAY, '11:00')),
    'd',
  );
  const confirmation = (await ports.outbox.listByHromada(HROMADA, { limit: 300 })).items.find(
    (m) => m.subject === `REQUEST#${booked.id}` && m.status === 'pending',
  );
  const confirmationHeld = confirmation
    ? await sendOutboxMessage(ports, confirmation.id, confirmation.version)
    : undefined;
  // Saturday morning: the poll holds the 09:00 ride's route; its car-near is queued and held
  const satPlan = (await ports.entities.plans.forDay(HROMADA, SATURDAY))!;
  const first = satPlan.routes.flatMap((r) => r.stops).find((s) => s.requestId === rides[1]!.id)!;
  clock.at = new Date(Date.parse(first.arrival) - 5 * 60_000);
  await pollAirRaids(ports, NO_FEED);
  await runEveryMinute(ports);
  const near = (await ports.outbox.listByHromada(HROMADA, { limit: 300 })).items.find(
    (m) => m.kind === 'vehicle-near' && m.subject === `REQUEST#${rides[1]!.id}`,
  );
  const held = near ? await sendOutboxMessage(ports, near.id, near.version) : undefined;
  clock.at = localToUtc(SATURDAY, '16:00');
  await pollAirRaids(ports, NO_FEED);
  clock.at = localToUtc(SUNDAY, '06:00');
  const ended = await endAirRaid(ports, await hromada(), 'd', { maxIterations: 400, seed: 1 });
  return { ports, rides: [...rides, booked], ended, near, held, confirmation, confirmationHeld };
}

describe('an air-raid alert from Friday 22:00 to Sunday 06:00', () => {
  it('hands Saturday, wholly inside, to the dispatcher: each open request an item to rebook', async () => {
    const { ports, rides, ended } = await weekendInShelter();
    const saturday = rides.filter((r) => r.date === SATURDAY).map((r) => r.id);
    const day = ended.effects.days?.find((d) => d.date === SATURDAY);
    expect(day).toMatchObject({ wholeDay: true, toRebookCount: 3 });
    expect([...(day?.toRebook ?? [])].sort()).toEqual([...saturday].sort());
    expect(day?.replanVersion).toBeUndefined();
    // on the list of the day it ended on, one item per ride, naming the request
    const attention = (await ports.entities.alerts.forDay(HROMADA, SUNDAY, undefined)).items;
    const rebook = attention.filter((a) => a.kind === 'air-raid' && a.requestId);
    expect(rebook.map((a) => a.requestId).sort()).toEqual([...saturday].sort());
    for (const item of rebook) expect(item.text).toContain('весь день 28.11');
    const end = attention.find((a) => a.kind === 'air-raid' && a.text.startsWith('Відбій'));
    expect(end?.text).toContain('день 28.11 увесь під тривогою: не переплановано, заявок перенести 3');
    // left open for the dispatcher to move or cancel
    for (const id of saturday)
      expect((await ports.entities.requests.get(HROMADA, id))?.status).not.toBe('cancelled');
  });

  it("drops Saturday's held messages, and re-plans Sunday through the checker", async () => {
    const { ports, ended, near, held, confirmation, confirmationHeld } = await weekendInShelter();
    expect(held).toBe('held');
    expect(await ports.outbox.get(near!.id)).toMatchObject({ status: 'suppressed' });
    // a confirmation of a Saturday ride is stale on Sunday morning: not sent
    expect(confirmationHeld).toBe('held');
    expect(await ports.outbox.get(confirmation!.id)).toMatchObject({ status: 'suppressed' });
    const sunday = ended.effects.days?.find((d) => d.date === SUNDAY);
    expect(sunday?.replanError).toBeUndefined();
    const plan = (await ports.entities.plans.forDay(HROMADA, SUNDAY))!;
    expect(sunday?.replanVersion).toBe(plan.version);
    expect(plan.unassigned).toEqual([]);
    expect(ended.effects).toMatchObject({ startDayOver: true });
  });
});
