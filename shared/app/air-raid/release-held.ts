/**
 * At an air-raid alert's end, the messages it held go on (after the re-plan, so the day's times
 * are the new ones):
 * - "the car is near" of a stop still ahead on the new plan, its request still dispatched: its
 *   text gets the new time, and it waits until NEAR_MINUTES before the new arrival (or goes now);
 * - "the car is near" of a stop made, taken off the routes or cancelled meanwhile: dropped
 *   (`suppressed`), never sent stale;
 * - a message about an open request of a day over at the end, whose rides were handed to the dispatcher
 *   (a day it lasted wholly, days-over.ts; its start day once it crossed midnight,
 *   start-day-over.ts): dropped, the dispatcher calls to rebook;
 * - a confirmation or change of a request whose new window the re-plan just queued: dropped
 *   (sent after it, the old time would reach the resident last);
 * - every other held message: sent now (a new version the stream delivers).
 * Each message is written alone at the version read; one changed meanwhile is left as it is.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { dueAtFor, type OutboxMessage } from '../../domain/entities/outbox-message';
import type { Plan } from '../../domain/entities/plan';
import { isOpen } from '../../domain/entities/service-request';
import { ConflictError } from '../../domain/errors';
import { localTimeLabel } from '../../domain/time';
import { countSegments } from '../../messaging/segments';
import { vehicleNear } from '../../messaging/templates';
import type { Ports } from '../../ports/ports';
import { NEAR_MINUTES } from '../notices/near-notice';
import { overAtEnd } from './days-over';
import { droppedMessage } from './dropped-message';

export async function releaseHeld(
  ports: Pick<Ports, 'entities' | 'outbox' | 'clock'>,
  hromada: Hromada,
  alert: AirRaidAlert,
): Promise<{ released: number; dropped: number }> {
  // an alert that crossed midnight held messages of both days: each is read against its own day
  const plans = new Map<string, Promise<Plan | undefined>>();
  const planOf = (date: string) => {
    if (!plans.has(date)) plans.set(date, ports.entities.plans.forDay(hromada.id, date));
    return plans.get(date)!;
  };
  let released = 0;
  let dropped = 0;
  for (const id of alert.effects.held) {
    const message = await ports.outbox.get(id);
    if (message?.status !== 'pending' || message.heldForAirRaid !== alert.id) continue;
    const next = await afterAirRaid(ports, hromada, alert, message, planOf);
    try {
      await ports.entities.commit([{ op: 'outbox-final', message: next, expectedVersion: message.version }]);
      if (next.status === 'suppressed') dropped++;
      else released++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { released, dropped };
}

/**
 * One message the alert held, after its end: its next version, sent on, re-timed or dropped. It
 * no longer names the alert (`heldForAirRaid`), so it is released once: by the loop above, or by
 * the sender for a message beyond the alert's list (release-after-end.ts).
 */
export async function afterAirRaid(
  ports: Pick<Ports, 'entities' | 'clock' | 'outbox'>,
  hromada: Hromada,
  alert: AirRaidAlert,
  message: OutboxMessage,
  planOf: (date: string) => Promise<Plan | undefined> = (date) =>
    ports.entities.plans.forDay(hromada.id, date),
): Promise<OutboxMessage> {
  const over = alert.endedAt ? overAtEnd({ ...alert, endedAt: alert.endedAt }, hromada.timeZone) : undefined;
  const next =
    (await ofDayOver(ports, hromada, over, message)) ??
    (await ofNewWindow(ports, hromada, planOf, message)) ??
    (await afterAlert(ports, hromada, planOf, message));
  const { heldForAirRaid: _alert, ...released } = next;
  return released;
}

/** Held confirmations and changes: superseded when the re-plan just told the request's new window. */
const SUPERSEDED: ReadonlySet<OutboxMessage['kind']> = new Set(['booking-confirmation', 'change']);

/**
 * A held confirmation or change dropped when the re-plan queued the request's new window notice
 * (window-notice.ts's id, with the plan version now stored): sent after it, the older time would
 * reach the resident last.
 */
async function ofNewWindow(
  ports: Pick<Ports, 'entities' | 'outbox'>,
  hromada: Hromada,
  planOf: (date: string) => Promise<Plan | undefined>,
  m: OutboxMessage,
): Promise<OutboxMessage | undefined> {
  if (!SUPERSEDED.has(m.kind) || !m.subject.startsWith('REQUEST#')) return undefined;
  const requestId = m.subject.slice('REQUEST#'.length);
  const request = await ports.entities.requests.get(hromada.id, requestId);
  const plan = request ? await planOf(request.date) : undefined;
  const notice = plan ? `window-${requestId}-v${plan.version}` : undefined;
  if (!notice || notice === m.id || !(await ports.outbox.get(notice))) return undefined;
  return droppedMessage(m, 'dropped after the air-raid alert: the re-plan told the new window');
}

/**
 * The message dropped when it is about a request of a day over at the end (days-over.ts's
 * overAtEnd: its start day once it crossed midnight, and every day after it before the end's).
 */
async function ofDayOver(
  ports: Pick<Ports, 'entities'>,
  hromada: Hromada,
  over: ((date: string) => boolean) | undefined,
  m: OutboxMessage,
): Promise<OutboxMessage | undefined> {
  if (!over || !m.subject.startsWith('REQUEST#')) return undefined;
  const request = await ports.entities.requests.get(hromada.id, m.subject.slice('REQUEST#'.length));
  // a message about a ride that was done (its feedback request) is not the day's loss: it goes on
  if (!request || !over(request.date) || !isOpen(request.status)) return undefined;
  return droppedMessage(
    m,
    'dropped after the air-raid alert: its day is over, its rides handed to the dispatcher',
  );
}

async function afterAlert(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromada: Hromada,
  planOf: (date: string) => Promise<Plan | undefined>,
  m: OutboxMessage,
): Promise<OutboxMessage> {
  const now = ports.clock.now();
  const { heldUntil: _held, ...rest } = m;
  const base = { ...rest, version: m.version + 1 };
  if (m.kind !== 'vehicle-near') return { ...base, dueAt: dueAtFor('pending', now) };
  const requestId = m.subject.replace(/^REQUEST#/, '');
  const request = await ports.entities.requests.get(hromada.id, requestId);
  const plan = request ? await planOf(request.date) : undefined;
  const stop = plan?.routes
    .flatMap((r) => r.stops)
    .find((s) => s.requestId === requestId && s.kind !== 'dropoff');
  // made (departed, as routes-under-way.ts counts it); a car at the door now is still near
  if (request?.status !== 'dispatched' || !stop || Date.parse(stop.departure) <= now.getTime()) {
    const { dueAt: _due, ...final } = base;
    return {
      ...final,
      status: 'suppressed',
      error: 'dropped after the air-raid alert: the stop was made or moved off',
    };
  }
  const arrival = new Date(stop.arrival);
  const text = vehicleNear({
    service: request.serviceType,
    confidential: request.confidential,
    at: localTimeLabel(arrival, hromada.timeZone),
  });
  const sendAt = new Date(Math.max(now.getTime(), arrival.getTime() - NEAR_MINUTES * 60_000));
  const waits = sendAt.getTime() > now.getTime();
  return {
    ...base,
    text,
    segments: countSegments(text).segments,
    dueAt: waits ? sendAt.toISOString() : dueAtFor('pending', now),
    ...(waits ? { heldUntil: sendAt.toISOString() } : {}),
  };
}
