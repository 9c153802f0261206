import { describe, expect, it } from 'vitest';
import { endAirRaidByDispatcher, startAirRaidByDispatcher } from '../../../../shared/app/air-raid/air-raids';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { leftAdjust } from '../../../../shared/app/air-raid/replan-left';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { createHromada } from '../../../../shared/app/registry';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import type { EntityRepository } from '../../../../shared/ports/entity-repository';
import type { Ports } from '../../../../shared/ports/ports';
import { HROMADA } from '../../../support/fixtures';
import { setHromadaAreas } from '../../../support/hromada-areas';
import { hromadaOf } from '../../../support/inputs';
import { TUESDAY } from '../planning/demo-day';
import { OLEH, PETRO, publishedDemoDay } from './published-demo-day';

const OBLAST = 'UA05000000000010236';
const OTHER_OBLAST = 'UA68000000000099709';
/** The dispatcher's hromada (no plan today), in the oblast. */
const ORIGIN = 'pokrovska';
/** In the oblast, already under the feed's alert. */
const ALERTED = 'sokolivska';
/** In the oblast: every write of its alert fails (storage throttled). */
const FAILING = 'kalynivska';
/** In another oblast. */
const OUTSIDE = 'letychivska';
const NAMES: Record<string, string> = {
  [ORIGIN]: 'Покровська громада',
  [ALERTED]: 'Соколівська громада',
  [FAILING]: 'Калинівська громада',
  [OUTSIDE]: 'Летичівська громада',
};
const KHM_NAME = 'Хмільницька міська територіальна громада';
const NO_FEED = { activeAreas: async () => [] };

/** Fails every change set that writes an air-raid alert of `hromadaId` while `broken()`. */
function failingFor(entities: EntityRepository, hromadaId: string, broken: () => boolean): EntityRepository {
  const commit: EntityRepository['commit'] = async (changes) => {
    const hits = changes.some(
      (c) => c.op === 'create' && c.entity === 'AirRaidAlert' && c.item.hromadaId === hromadaId,
    );
    if (hits && broken()) throw new Error('ProvisionedThroughputExceededException');
    return entities.commit(changes);
  };
  return new Proxy(entities, {
    get: (target, prop) => (prop === 'commit' ? commit : Reflect.get(target, prop, target)),
  });
}

/**
 * The demo day in Хмільник (its morning route under way), and four more hromady of the deployment:
 * three in Хмільник's oblast (the dispatcher's, one under the feed's alert, one failing), one not.
 */
async function deployment() {
  const d = await publishedDemoDay();
  await setHromadaAreas(d.ports, HROMADA, { oblastId: OBLAST });
  for (const id of [ORIGIN, ALERTED, FAILING, OUTSIDE])
    await createHromada(
      d.ports,
      hromadaOf({ id, name: NAMES[id], oblastId: id === OUTSIDE ? OTHER_OBLAST : OBLAST }),
      'test',
    );
  const alerted = (await d.ports.entities.hromady.get(ALERTED))!;
  const feedArea = { level: 'hromada' as const, id: ALERTED };
  const feedAlert = (await startAirRaid(d.ports, alerted, feedArea, 'feed', 'system:air-raid-feed')).alert;
  const morning = d.plan.routes.find((r) => r.stops.some((s) => s.requestId === d.rides.anna.id))!;
  // a minute after Ганна's pickup: Хмільник's morning route is on the road
  d.clock.at = new Date(Date.parse(morning.stops[0]!.departure) + 60_000);
  const onRoad = morning.vehicleId === 'taxi' ? OLEH : PETRO;
  let broken = true;
  const ports: Ports = { ...d.ports, entities: failingFor(d.ports.entities, FAILING, () => broken) };
  return { ...d, ports, onRoad, feedAlert, heal: () => (broken = false) };
}

const airRaidSms = async (ports: Ports, hromadaId: string) =>
  (await ports.outbox.listByHromada(hromadaId, { limit: 200 })).items.filter((m) => m.kind === 'air-raid');
const auditOf = async (ports: Ports, hromadaId: string, action: string) =>
  (await ports.entities.audit.list(hromadaId, { limit: 100 })).items.filter((e) => e.action === action);

describe("a dispatcher's oblast alert", () => {
  it('starts in every hromada of the deployment the oblast covers, each its own alert; one failing stops none', async () => {
    const d = await deployment();
    const result = await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    expect(result).toMatchObject({
      started: true,
      alert: { hromadaId: ORIGIN, area: { level: 'oblast', id: OBLAST } },
    });
    expect(result.spread).toEqual({
      reached: [KHM_NAME],
      started: 1,
      alreadyUnderAlert: [NAMES[ALERTED]],
      failed: [NAMES[FAILING]],
    });

    // Хмільник: its own alert, from Покровська's, its driver on the road told, its audit and attention item
    const khm = (await d.ports.entities.airRaids.active(HROMADA))!;
    expect(khm).toMatchObject({
      source: 'dispatcher',
      startedBy: 'disp-p',
      area: { level: 'oblast', id: OBLAST },
      startedFrom: { hromadaId: ORIGIN, hromadaName: NAMES[ORIGIN], alertId: result.alert.id },
    });
    expect(khm.id).not.toBe(result.alert.id);
    expect((await airRaidSms(d.ports, HROMADA)).map((m) => m.to)).toEqual([d.onRoad]);
    expect(await auditOf(d.ports, HROMADA, 'air-raid-start')).toEqual([
      expect.objectContaining({ actor: 'disp-p', startedFrom: ORIGIN, itemId: khm.id }),
    ]);
    const attention = (await d.ports.entities.alerts.forDay(HROMADA, TUESDAY, undefined)).items;
    expect(attention.find((a) => a.kind === 'air-raid')?.text).toMatch(
      /^Повітряна тривога з \d\d:\d\d \(оголосив диспетчер громади «Покровська громада» для області\): водіїв у дорозі повідомлено \(1\)/,
    );
    // Хмільник's non-urgent messages wait for the all-clear
    await d.ride(d.anna.id, '10:00', { date: '2026-11-26' });
    const confirmation = (await d.ports.outbox.listByHromada(HROMADA, { limit: 200 })).items.find(
      (m) => m.kind === 'booking-confirmation' && m.status === 'pending',
    )!;
    expect(await sendOutboxMessage(d.ports, confirmation.id, confirmation.version)).toBe('held');
    expect((await d.ports.outbox.get(confirmation.id))?.heldForAirRaid).toBe(khm.id);
    // the dispatcher's own: no startedFrom, an audit entry without it
    expect(result.alert.startedFrom).toBeUndefined();
    expect((await auditOf(d.ports, ORIGIN, 'air-raid-start'))[0]?.startedFrom).toBeUndefined();

    // the alerted hromada keeps the feed's; the failing one and the one outside have none
    expect(await d.ports.entities.airRaids.active(ALERTED)).toEqual(d.feedAlert);
    expect(await d.ports.entities.airRaids.active(FAILING)).toBeUndefined();
    expect(await d.ports.entities.airRaids.active(OUTSIDE)).toBeUndefined();
    // the answer names hromady, nothing else of theirs (no ids, drivers, phones)
    const answer = JSON.stringify(result.spread);
    for (const secret of [HROMADA, ALERTED, khm.id, OLEH, PETRO, 'taxi', 'brigade'])
      expect(answer).not.toContain(secret);
  });

  it('pressed again, starts nothing twice and reaches the hromada that had failed', async () => {
    const d = await deployment();
    const first = await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    d.heal();
    const again = await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    expect(again).toMatchObject({ started: false, alert: { id: first.alert.id } });
    expect(again.spread).toEqual({
      reached: [NAMES[FAILING], KHM_NAME],
      started: 1,
      alreadyUnderAlert: [NAMES[ALERTED]],
      failed: [],
    });
    expect((await d.ports.entities.airRaids.list(HROMADA)).items).toHaveLength(1);
    expect(await airRaidSms(d.ports, HROMADA)).toHaveLength(1);
    expect(await d.ports.entities.airRaids.active(FAILING)).toMatchObject({
      startedFrom: { hromadaId: ORIGIN, alertId: first.alert.id },
    });
  });

  it("«Відбій» of the dispatcher who set it ends it wherever it is that action's, not the feed's; the next poll finishes those ends", async () => {
    const d = await deployment();
    const { alert } = await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    const khmAlert = (await d.ports.entities.airRaids.active(HROMADA))!;
    d.clock.at = new Date(d.clock.now().getTime() + 20 * 60_000);
    const ended = await endAirRaidByDispatcher(d.ports, ORIGIN, 'disp-p');
    expect(ended).toMatchObject({
      id: alert.id,
      endedBy: 'disp-p',
      spread: { ended: [KHM_NAME], failed: [] },
    });
    expect(await d.ports.entities.airRaids.active(HROMADA)).toBeUndefined();
    expect(await d.ports.entities.airRaids.get(HROMADA, khmAlert.id)).toMatchObject({
      endedBy: 'disp-p',
      ending: {},
    });
    expect(await auditOf(d.ports, HROMADA, 'air-raid-end')).toEqual([
      expect.objectContaining({ actor: 'disp-p', startedFrom: ORIGIN }),
    ]);
    // the feed's alert in the other hromada goes on
    expect(await d.ports.entities.airRaids.active(ALERTED)).toMatchObject({ id: d.feedAlert.id });

    const run = await pollAirRaids(d.ports, NO_FEED);
    expect(run.resumed).toBe(1);
    const finished = (await d.ports.entities.airRaids.get(HROMADA, khmAlert.id))!;
    expect(finished.ending).toBeUndefined();
    expect(finished.effects.replanVersion).toBeGreaterThan(d.plan.version);
  });

  it("a covered hromada's dispatcher ends their own alone; the dispatcher who set it then ends the rest", async () => {
    const d = await deployment();
    d.heal();
    await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    const own = await endAirRaidByDispatcher(d.ports, HROMADA, 'disp-k');
    expect(own.spread).toBeUndefined();
    expect(await d.ports.entities.airRaids.active(ORIGIN)).toBeDefined();
    expect(await d.ports.entities.airRaids.active(FAILING)).toBeDefined();
    const ended = await endAirRaidByDispatcher(d.ports, ORIGIN, 'disp-p');
    expect(ended.spread).toEqual({ ended: [NAMES[FAILING]], failed: [] });
    const khm = (await d.ports.entities.airRaids.list(HROMADA)).items;
    expect(khm.map((a) => a.endedBy)).toEqual(['disp-k']);
  });

  it('two dispatchers of the oblast at once: each hromada gets one alert', async () => {
    const d = await deployment();
    d.heal();
    const [p, f] = await Promise.all([
      startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p'),
      startAirRaidByDispatcher(d.ports, FAILING, 'oblast', 'disp-f'),
    ]);
    for (const id of [HROMADA, ORIGIN, FAILING])
      expect((await d.ports.entities.airRaids.list(id)).items, id).toHaveLength(1);
    expect(await airRaidSms(d.ports, HROMADA)).toHaveLength(1);
    expect([...p.spread!.reached, ...f.spread!.reached].filter((n) => n === KHM_NAME)).toHaveLength(1);
  });
});

describe('an alert spread from another hromada', () => {
  it("ends when the alert it was spread from ends (the feed's), also down a chain of spreads", async () => {
    const d = await deployment();
    d.heal();
    const origin = (await d.ports.entities.hromady.get(ORIGIN))!;
    const feedArea = { level: 'hromada' as const, id: ORIGIN };
    const own = (await startAirRaid(d.ports, origin, feedArea, 'feed', 'system:air-raid-feed')).alert;
    // under the feed's alert, its dispatcher presses «Тривога» for the oblast
    const start = await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    expect(start.alert.id).toBe(own.id);
    const khm = (await d.ports.entities.airRaids.active(HROMADA))!;
    expect(khm.startedFrom?.alertId).toBe(own.id);
    // a chain: an alert spread from Хмільник's spread alert
    await endAirRaidByDispatcher(d.ports, FAILING, 'disp-f');
    const failing = (await d.ports.entities.hromady.get(FAILING))!;
    const chained = { hromadaId: HROMADA, hromadaName: KHM_NAME, alertId: khm.id };
    await startAirRaid(d.ports, failing, khm.area, 'dispatcher', 'disp-k', chained);

    // the feed ends Покровська's alert; by the next minute's poll every alert spread from it ended
    d.clock.at = new Date(d.clock.now().getTime() + 20 * 60_000);
    await pollAirRaids(d.ports, NO_FEED);
    await pollAirRaids(d.ports, NO_FEED);
    for (const id of [ORIGIN, HROMADA, FAILING])
      expect(await d.ports.entities.airRaids.active(id), id).toBeUndefined();
    const ended = (await d.ports.entities.airRaids.get(HROMADA, khm.id))!;
    expect(ended).toMatchObject({ endedBy: 'system:air-raid-feed' });
    expect(ended.ending).toBeUndefined();
    expect(ended.effects.replanVersion).toBeGreaterThan(d.plan.version);
    expect(await auditOf(d.ports, HROMADA, 'air-raid-end')).toContainEqual(
      expect.objectContaining({ startedFrom: ORIGIN }),
    );
    // and once over, it stays over
    const again = await pollAirRaids(d.ports, NO_FEED);
    expect(again.ended).toBe(0);
  });
});

describe('a spread end not finished yet', () => {
  it('is finished before a new alert starts there (pressed again within the minute), not abandoned, its re-plan left to the new one', async () => {
    const d = await deployment();
    d.heal();
    await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    const first = (await d.ports.entities.airRaids.active(HROMADA))!;
    d.clock.at = new Date(d.clock.now().getTime() + 20 * 60_000);
    await endAirRaidByDispatcher(d.ports, ORIGIN, 'disp-p');
    expect((await d.ports.entities.airRaids.get(HROMADA, first.id))?.ending).toEqual({});
    const shifted = (await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!;
    // «Тривога» again 30 s later, then the polls
    d.clock.at = new Date(d.clock.now().getTime() + 30_000);
    const again = await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    expect(again.spread?.reached).toContain(KHM_NAME);
    await pollAirRaids(d.ports, NO_FEED);
    await pollAirRaids(d.ports, NO_FEED);
    const ended = (await d.ports.entities.airRaids.get(HROMADA, first.id))!;
    expect(ended.ending).toBeUndefined();
    // not planned nor published inside the press: the new alert would pause those routes at once
    expect(ended.effects).toMatchObject({ replanLeft: true, windowsMoved: 0 });
    expect(ended.effects.replanVersion).toBeUndefined();
    expect((await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!.status).toBe('published');
    const routesSent = async () =>
      (await d.ports.outbox.listByHromada(HROMADA, { limit: 200 })).items.filter(
        (m) => m.kind === 'driver-route' && Date.parse(m.createdAt) > Date.parse(shifted.updatedAt),
      );
    expect(await routesSent()).toEqual([]);
    const attention = (await d.ports.entities.alerts.forDay(HROMADA, TUESDAY, undefined)).items;
    const endItem = attention.find((a) => a.id === `air-raid-${first.id}-end`);
    expect(endItem?.text).toContain('переплан — з відбоєм наступної тривоги');
    const second = (await d.ports.entities.airRaids.active(HROMADA))!;
    expect(second.id).not.toBe(first.id);

    // the new alert's end plans the day, the first alert's 20 minutes counted in the windows
    d.clock.at = new Date(d.clock.now().getTime() + 10 * 60_000);
    await endAirRaidByDispatcher(d.ports, ORIGIN, 'disp-p');
    await pollAirRaids(d.ports, NO_FEED);
    const last = (await d.ports.entities.airRaids.get(HROMADA, second.id))!;
    expect(last.ending).toBeUndefined();
    expect(last.effects.replanVersion).toBeGreaterThan(shifted.version);
    expect((await routesSent()).length).toBeGreaterThan(0);
    const hromada = (await d.ports.entities.hromady.get(HROMADA))!;
    const olena = (await d.ports.entities.requests.get(HROMADA, d.rides.olena.id))!;
    const adjusted = (await leftAdjust(d.ports, hromada, last, TUESDAY))(olena);
    expect(Date.parse(adjusted.window.end) - Date.parse(olena.window.end)).toBe(
      Date.parse(ended.endedAt!) - Date.parse(ended.startedAt),
    );
  });
});

/** `entities` whose hromady listing and `airRaids.active` of `unreadable` fail while `broken()`. */
function unreadable(entities: EntityRepository, hromadaId: string, broken: () => boolean) {
  const reads = { lists: 0 };
  const hromady = new Proxy(entities.hromady, {
    get: (target, prop) =>
      prop === 'list'
        ? async (...args: Parameters<EntityRepository['hromady']['list']>) => {
            reads.lists++;
            if (broken() && hromadaId === '*') throw new Error('ThrottlingException');
            return target.list(...args);
          }
        : Reflect.get(target, prop, target),
  });
  const airRaids = new Proxy(entities.airRaids, {
    get: (target, prop) =>
      prop === 'active'
        ? async (id: string) => {
            if (broken() && id === hromadaId) throw new Error('ThrottlingException');
            return target.active(id);
          }
        : Reflect.get(target, prop, target),
  });
  const wrapped = new Proxy(entities, {
    get: (target, prop) =>
      prop === 'hromady' ? hromady : prop === 'airRaids' ? airRaids : Reflect.get(target, prop, target),
  });
  return { entities: wrapped, reads };
}

describe("the origin's «Відбій»", () => {
  it('ends its own alert even when the hromady cannot be listed; the poll ends the others', async () => {
    const d = await deployment();
    d.heal();
    await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    let broken = true;
    const { entities } = unreadable(d.ports.entities, '*', () => broken);
    const ended = await endAirRaidByDispatcher({ ...d.ports, entities }, ORIGIN, 'disp-p');
    expect(ended).toMatchObject({ hromadaId: ORIGIN, endedBy: 'disp-p' });
    expect(ended.ending).toBeUndefined();
    expect(await d.ports.entities.airRaids.active(ORIGIN)).toBeUndefined();
    broken = false;
    await pollAirRaids(d.ports, NO_FEED);
    expect(await d.ports.entities.airRaids.active(HROMADA)).toBeUndefined();
  });

  it('counts as failed only a hromada under its alert, not one another oblast it could not read', async () => {
    const d = await deployment();
    d.heal();
    await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
    const { entities } = unreadable(d.ports.entities, OUTSIDE, () => true);
    const ended = await endAirRaidByDispatcher({ ...d.ports, entities }, ORIGIN, 'disp-p');
    expect(ended.spread).toEqual({ ended: [NAMES[FAILING], KHM_NAME], failed: [] });
  });

  it("of a hromada's own alert reads no other hromada", async () => {
    const d = await deployment();
    await startAirRaidByDispatcher(d.ports, ORIGIN, 'hromada', 'disp-p');
    const { entities, reads } = unreadable(d.ports.entities, '-', () => false);
    const ended = await endAirRaidByDispatcher({ ...d.ports, entities }, ORIGIN, 'disp-p');
    expect(ended.spread).toBeUndefined();
    expect(reads.lists).toBe(0);
  });
});

describe('two starts at once in one hromada', () => {
  it('write one alert: the slower one answers the other', async () => {
    const d = await deployment();
    const khm = (await d.ports.entities.hromady.get(HROMADA))!;
    const area = { level: 'hromada' as const, id: HROMADA };
    const [a, b] = await Promise.all([
      startAirRaid(d.ports, khm, area, 'dispatcher', 'd1'),
      startAirRaid(d.ports, khm, area, 'feed', 'system:air-raid-feed'),
    ]);
    expect([a.started, b.started].sort()).toEqual([false, true]);
    expect(a.alert.id).toBe(b.alert.id);
    expect((await d.ports.entities.airRaids.list(HROMADA)).items).toHaveLength(1);
    expect(await airRaidSms(d.ports, HROMADA)).toHaveLength(1);
  });
});
