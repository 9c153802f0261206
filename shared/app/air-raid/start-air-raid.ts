/**
 * An air-raid alert starts in a hromada (a dispatcher's one action, or the feed): one transaction
 * writes the alert, its audit entry, one short SMS to each driver whose published route is under
 * way now (routes-under-way.ts; no other driver) and an item on the dispatcher's attention list.
 * A second start while one is in force changes nothing and answers the one in force; two starts
 * at once (two dispatchers, a dispatcher and the feed) write one alert: each start takes the key
 * "the alert after the newest one" (`once`), so the slower one's transaction fails and it answers
 * the other's alert. A raion or oblast alert another hromada's dispatcher set (spread-air-raid.ts)
 * carries `startedFrom`, on the alert, its audit entry and its attention item. An end of the
 * alert before that is not finished yet (its re-plan left for the poll) is finished first.
 *
 * After midnight the day before may still be on the road (a night delivery, a late ride): when a
 * route of that day is under way, the alert takes that day as its start day (`date`: its routes
 * paused and shifted, its drivers told), and today is a later day it runs into, held at once
 * (hold-due-routes.ts: today's routes due inside it wait, today's drivers on the road are told),
 * as the poll would hold it after midnight. Dispatcher and feed start alike.
 */
import type { Actor } from '../../domain/actor';
import {
  type AirRaidAlert,
  type AirRaidArea,
  type AirRaidOrigin,
  NO_EFFECTS,
} from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { ConflictError } from '../../domain/errors';
import { expiresAfterDays } from '../../domain/retention';
import { addDays, localDate, localTimeLabel } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { alertItem } from '../alerts/alert-item';
import { auditChange } from '../audit';
import { finishEnd } from './end-air-raid';
import { holdDueRoutes } from './hold-due-routes';
import { routesUnderWay } from './routes-under-way';
import { tellDrivers } from './tell-drivers';

type StartPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;
type StartAfterEndPorts = Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>;

export interface AirRaidStart {
  alert: AirRaidAlert;
  /** False: one was already in force (nothing written). */
  started: boolean;
}

/** The SMS that tells the driver of `vehicleId` (one per alert and vehicle). */
export const driverNoticeId = (alertId: string, vehicleId: string) => `air-raid-${alertId}-${vehicleId}`;

export async function startAirRaid(
  ports: StartAfterEndPorts,
  hromada: Hromada,
  area: AirRaidArea,
  source: AirRaidAlert['source'],
  actor: Actor,
  from?: AirRaidOrigin,
): Promise<AirRaidStart> {
  const newest = await ports.entities.airRaids.newest(hromada.id);
  if (newest && newest.endedAt === undefined) return { alert: newest, started: false };
  if (newest?.ending) await finishEndFirst(ports, hromada, { ...newest, endedAt: newest.endedAt! });
  const now = ports.clock.now();
  const today = localDate(now, hromada.timeZone);
  const id = ports.ids.next();
  const { date, sms, told, paused } = await startDayNotices(ports, hromada, today, id);
  const at = now.toISOString();
  const alert: AirRaidAlert = {
    id,
    hromadaId: hromada.id,
    area,
    source,
    startedAt: at,
    startedBy: actor,
    ...(from ? { startedFrom: from } : {}),
    date,
    effects: { ...NO_EFFECTS, routesPaused: paused, driversTold: told },
    version: 1,
    createdAt: at,
    updatedAt: at,
    expiresAt: expiresAfterDays(now, hromada.rules.retentionDays.audit),
  };
  const attention = alertItem(ports, hromada, {
    kind: 'air-raid',
    cause: `${id}-start`,
    // the dispatcher looks at today's list
    date: today,
    text: `Повітряна тривога з ${localTimeLabel(now, hromada.timeZone)}${fromWords(area, from)}: водіїв у дорозі повідомлено (${told.length}), нетермінові SMS затримано`,
  });
  const nowS = Math.floor(now.getTime() / 1000);
  try {
    await ports.entities.commit([
      // one alert after the newest: a start racing this one fails here
      { op: 'once', key: `air-raid-after#${hromada.id}#${newest?.id ?? '-'}`, nowS, untilS: alert.expiresAt },
      { op: 'create', entity: 'AirRaidAlert', item: alert },
      auditChange(
        ports,
        hromada,
        actor,
        'air-raid-start',
        'AirRaidAlert',
        id,
        ['area', 'startedAt', 'effects.driversTold'],
        from?.hromadaId,
      ),
      attention,
      ...sms,
    ]);
  } catch (error) {
    // two starts at once: the other one is in force
    const other =
      error instanceof ConflictError ? await ports.entities.airRaids.active(hromada.id) : undefined;
    if (other) return { alert: other, started: false };
    throw error;
  }
  // it started on the day before: today's routes are held from now (its later day)
  const held = date < today ? await holdDueRoutes(ports, hromada, alert, now) : alert;
  return { alert: held, started: true };
}

/**
 * The newest alert ended and its end is not finished (a spread end left for the poll, an end a
 * fault cut off): it is finished before the new alert starts, since none would once a newer alert
 * is the newest: its days over handed over, its held messages released, its record; its day
 * under way is not planned again (no solver in this call, no routes published that the new alert
 * pauses at once): the new alert's end plans it (replan-left.ts). Its failure does not keep the
 * new alert from starting (drivers must hear of the raid).
 */
async function finishEndFirst(
  ports: StartAfterEndPorts,
  hromada: Hromada,
  ended: AirRaidAlert & { endedAt: string },
): Promise<void> {
  try {
    await finishEnd(ports, hromada, ended, ended.endedBy ?? 'system:air-raid', { newAlertFollows: true });
  } catch {
    // left unfinished: the start comes first
  }
}

/** « (оголосив диспетчер громади X для області)» on a spread alert's attention item. */
function fromWords(area: AirRaidArea, from: AirRaidOrigin | undefined): string {
  if (!from) return '';
  const unit = area.level === 'raion' ? 'району' : area.level === 'oblast' ? 'області' : 'громади';
  return ` (оголосив диспетчер громади «${from.hromadaName}» для ${unit})`;
}

/**
 * The day whose routes the alert pauses: the day before when one of its routes is still on the
 * road now (past midnight), else today; with the notices to its drivers on the road.
 */
async function startDayNotices(ports: StartPorts, hromada: Hromada, today: string, alertId: string) {
  const yesterday = addDays(today, -1);
  const before = await driverNotices(ports, hromada, yesterday, alertId);
  if (before.paused.length > 0) return { date: yesterday, ...before };
  return { date: today, ...(await driverNotices(ports, hromada, today, alertId)) };
}

/** One SMS per driver on the road now: drivers of routes not under way are not told. */
async function driverNotices(ports: StartPorts, hromada: Hromada, date: string, alertId: string) {
  const plan = await ports.entities.plans.forDay(hromada.id, date);
  if (!plan) return { sms: [] as Change[], told: [], paused: [] };
  const requests = await ports.entities.requests.forDay(hromada.id, date);
  const paused = routesUnderWay(plan, requests, ports.clock.now())
    .slice(0, 90)
    .map((r) => r.vehicleId);
  const { sms, told } = tellDrivers(ports, hromada, plan, paused, (v) => driverNoticeId(alertId, v));
  return { sms, told, paused };
}
