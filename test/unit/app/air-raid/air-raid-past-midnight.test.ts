/**
 * An air-raid alert that crosses midnight (Kyiv time), on the two DST nights of 2026: set on
 * Saturday evening while a late ride is under way, in force all night, ended on Sunday morning
 * after Sunday's first rides were due. Saturday is over at the end: its late ride, not made, is
 * handed to the dispatcher to rebook (not published past midnight again); Sunday's routes wait for the end, Sunday is planned again through the checker, the held
 * messages of Sunday are sent with their new times, and the log names both days.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { runEveryMinute } from '../../../../shared/app/every-minute';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA } from '../../../support/fixtures';

const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };
const MIN = 60_000;

/** Both nights the clocks change: spring forward (03:00 → 04:00), fall back (04:00 → 03:00). */
const NIGHTS = [
  { name: 'spring forward', saturday: '2026-03-28', sunday: '2026-03-29', hours: 7 },
  { name: 'fall back', saturday: '2026-10-24', sunday: '2026-10-25', hours: 9 },
];

async function weekend(saturday: string, sunday: string) {
  const { ports, clock, rides } = await airRaidDays(
    [saturday, sunday],
    [
      { who: 'anna', date: saturday, time: '22:30' },
      { who: 'olena', date: sunday, time: '06:10' },
      { who: 'anna', date: sunday, time: '10:00' },
    ],
  );
  const [late, early, later] = rides as [(typeof rides)[0], (typeof rides)[0], (typeof rides)[0]];
  return { ports, clock, rides: { late, early, later } };
}

type Ports = Awaited<ReturnType<typeof weekend>>['ports'];
const hromadaOf = async (ports: Ports) => (await ports.entities.hromady.get(HROMADA))!;
const planOf = async (ports: Ports, date: string) => (await ports.entities.plans.forDay(HROMADA, date))!;
const messages = async (ports: Ports) => (await ports.outbox.listByHromada(HROMADA, { limit: 300 })).items;
const stopsOf = (plan: Awaited<ReturnType<typeof planOf>>, requestId: string) =>
  plan.routes.flatMap((r) => r.stops).filter((s) => s.requestId === requestId);

/**
 * The night: Saturday, a minute after the late pickup, the alert starts (the late ride's route is
 * paused); the poll runs at 00:30, five minutes before Sunday's first pickup (its car-near is
 * queued and held) and at 06:30; a dispatcher ends it at 07:00 Sunday.
 */
async function night(saturday: string, sunday: string) {
  const { ports, clock, rides } = await weekend(saturday, sunday);
  const satPlan = await planOf(ports, saturday);
  const satBefore = stopsOf(satPlan, rides.late.id).map((s) => Date.parse(s.arrival));
  const start = new Date(Date.parse(stopsOf(satPlan, rides.late.id)[0]!.departure) + MIN);
  clock.at = start;
  const { alert } = await startAirRaid(ports, await hromadaOf(ports), AREA, 'dispatcher', 'd');
  clock.at = localToUtc(sunday, '00:30');
  await pollAirRaids(ports, NO_FEED);
  const sunBefore = await planOf(ports, sunday);
  clock.at = new Date(Date.parse(stopsOf(sunBefore, rides.early.id)[0]!.arrival) - 5 * MIN);
  await runEveryMinute(ports);
  const near = (await messages(ports)).find(
    (m) => m.kind === 'vehicle-near' && m.subject === `REQUEST#${rides.early.id}`,
  );
  const held = near ? await sendOutboxMessage(ports, near.id, near.version) : undefined;
  await pollAirRaids(ports, NO_FEED);
  clock.at = localToUtc(sunday, '06:30');
  await pollAirRaids(ports, NO_FEED);
  const at0630 = await planOf(ports, sunday);
  const end = localToUtc(sunday, '07:00');
  clock.at = end;
  const ended = await endAirRaid(ports, await hromadaOf(ports), 'd', { maxIterations: 400, seed: 1 });
  return { ports, rides, alert, start, end, ended, satBefore, sunBefore, at0630, near, held };
}

describe.each(NIGHTS)(
  'an air-raid alert all night, $name ($saturday → $sunday)',
  ({ saturday, sunday, hours }) => {
    it('is a night an hour shorter or longer, Kyiv time', () => {
      const ms = localToUtc(sunday, '07:00').getTime() - localToUtc(saturday, '23:00').getTime();
      expect(ms / 3_600_000).toBe(hours);
    });

    it('hands Saturday, over at its midnight, to the dispatcher: the late ride to rebook, its shifted plan not sent again', async () => {
      const { ports, rides, alert, end, ended, satBefore } = await night(saturday, sunday);
      expect(alert.date).toBe(saturday);
      expect(alert.effects.routesPaused).toHaveLength(1);
      // no poll ran before midnight; from then on Saturday is over and its stops stay as they are
      expect(ended.effects).toMatchObject({
        startDayOver: true,
        shiftedMinutes: 0,
        toRebook: [rides.late.id],
        toRebookCount: 1,
      });
      expect(ended.effects.replanError).toBeUndefined();
      expect(ended.effects.replanVersion).toBeUndefined();
      // handed over at midnight: the plan is left as it was, not rewritten nor published again
      const satAfter = await planOf(ports, saturday);
      const moved = stopsOf(satAfter, rides.late.id).map(
        (s, i) => (Date.parse(s.arrival) - satBefore[i]!) / MIN,
      );
      expect(moved).toEqual([0, 0]);
      const routesSent = (await messages(ports)).filter(
        (m) => m.kind === 'driver-route' && Date.parse(m.createdAt) >= end.getTime(),
      );
      expect(routesSent.every((m) => !m.id.includes(saturday))).toBe(true);
      const attention = await ports.entities.alerts.forDay(HROMADA, sunday, undefined);
      expect(attention.items.find((a) => a.requestId === rides.late.id)?.text).toContain(
        'Тривога через північ',
      );
    });

    it("holds Sunday's routes to the end, tells Sunday's driver, and re-plans Sunday through the checker", async () => {
      const { ports, rides, end, ended, sunBefore, at0630 } = await night(saturday, sunday);
      // 06:30, still in force: the route of the 06:10 ride waits, its next stop due now
      expect(Date.parse(stopsOf(at0630, rides.early.id)[0]!.arrival)).toBe(
        localToUtc(sunday, '06:30').getTime(),
      );
      const route = sunBefore.routes.find((r) => r.stops.some((s) => s.requestId === rides.early.id))!;
      const told = (await messages(ports)).filter((m) => m.kind === 'air-raid' && m.id.includes(sunday));
      expect(told.map((m) => m.subject)).toEqual([`VEHICLE#${route.vehicleId}`]);
      // planned again after the end (the pipeline's checker accepted it) and published
      const [sundayLog] = ended.effects.days ?? [];
      expect(sundayLog).toMatchObject({ date: sunday });
      expect(sundayLog!.replanError).toBeUndefined();
      expect(sundayLog!.stopsShifted).toBeGreaterThan(0);
      expect(sundayLog!.windowsMoved).toBeGreaterThan(0);
      const sunAfter = await planOf(ports, sunday);
      expect(sundayLog!.replanVersion).toBe(sunAfter.version);
      expect(sunAfter.status).toBe('published');
      expect(sunAfter.unassigned).toEqual([]);
      for (const stop of sunAfter.routes.flatMap((r) => r.stops))
        expect(Date.parse(stop.arrival)).toBeGreaterThanOrEqual(end.getTime());
    });

    it("sends Sunday's held car-near with its new time, and the log names both days", async () => {
      const { ports, ended, near, held } = await night(saturday, sunday);
      expect(held).toBe('held');
      const after = (await ports.outbox.get(near!.id))!;
      expect(after).toMatchObject({ status: 'pending' });
      expect(after.text).toContain('07:00');
      expect(ended.effects).toMatchObject({ dropped: 0, released: ended.effects.heldCount });
      // the dispatcher sees the end on Sunday's attention list
      const attention = await ports.entities.alerts.forDay(HROMADA, sunday, undefined);
      const endItem = attention.items.find((a) => a.kind === 'air-raid' && a.text.startsWith('Відбій'));
      expect(endItem?.text).toContain(
        `день ${saturday.slice(8, 10)}.${saturday.slice(5, 7)} минув: не переплановано, заявок перенести 1`,
      );
      expect(endItem?.text).toContain(
        `день ${sunday.slice(8, 10)}.${sunday.slice(5, 7)}: маршрути переплановано`,
      );
    });
  },
);
