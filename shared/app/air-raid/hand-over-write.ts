/**
 * The writes a day's hand-over shares (days-over.ts for a day the alert lasted wholly,
 * start-day-over.ts for its start day once past its midnight): the held messages about the day's
 * open requests dropped, then the attention items, the alert at its version and an audit entry in
 * one transaction, so a fault leaves either all of it or none (a run after a fault never meets
 * its own items). A run that finds the day handed over by another (the poll and the end at once)
 * leaves it.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { OutboxMessage } from '../../domain/entities/outbox-message';
import { isOpen, type ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError } from '../../domain/errors';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { droppedMessage } from './dropped-message';

export type HandOverPorts = Pick<Ports, 'entities' | 'outbox' | 'clock' | 'ids'>;

export interface HandOver {
  /** The attention items (at most MAX_REBOOK_ITEMS + 1, rebook-items.ts). */
  items: Change[];
  /** The alert with the day handed over, from the alert as stored now. */
  next: (alert: AirRaidAlert) => AirRaidAlert;
  /** Whether the stored alert has the day handed over already. */
  done: (alert: AirRaidAlert) => boolean;
  /** The audit entry's (`air-raid-day-over`) field. */
  field: string;
}

const ATTEMPTS = 5;

/** Commits the hand-over; the alert as written (or as another run left it). */
export async function commitHandOver(
  ports: HandOverPorts,
  hromada: Hromada,
  seen: AirRaidAlert,
  handOver: HandOver,
): Promise<AirRaidAlert> {
  let alert = seen;
  for (let attempt = 1; ; attempt++) {
    const next = handOver.next(alert);
    try {
      await ports.entities.commit([
        ...handOver.items,
        { op: 'update', entity: 'AirRaidAlert', item: next, expectedVersion: alert.version },
        auditChange(ports, hromada, 'system:air-raid', 'air-raid-day-over', 'AirRaidAlert', seen.id, [
          handOver.field,
        ]),
      ]);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // a message held meanwhile (read again, retry), or the day closed by another run (leave it)
      const fresh = await ports.entities.airRaids.get(hromada.id, seen.id);
      if (!fresh) throw error;
      if (handOver.done(fresh)) return fresh;
      if (attempt >= ATTEMPTS) throw error;
      alert = fresh;
    }
  }
}

/**
 * The held messages the alert lists about the day's open requests (a ride not made), dropped (each
 * at its version, as release-held.ts writes them): those no longer held leave the list; the dropped
 * ones are counted (a message already dropped by an earlier run that a fault cut off is counted
 * too). A message about a ride that was done (a feedback request) is not the day's loss: it stays
 * held and goes on at the end.
 */
export async function dropHeld(
  ports: HandOverPorts,
  alert: AirRaidAlert,
  requests: readonly ServiceRequest[],
): Promise<{ gone: Set<string>; dropped: number }> {
  const open = new Set(requests.filter((r) => isOpen(r.status)).map((r) => r.id));
  const gone = new Set<string>();
  let dropped = 0;
  for (const id of alert.effects.held) {
    const message = await ports.outbox.get(id);
    if (!message?.subject.startsWith('REQUEST#') || !open.has(message.subject.slice('REQUEST#'.length)))
      continue;
    const status = await dropOne(ports, alert, message);
    if (status === 'pending') continue;
    gone.add(id);
    if (status === 'suppressed') dropped++;
  }
  return { gone, dropped };
}

/** The message's status once dropped (or as it was, when no longer held by this alert). */
async function dropOne(
  ports: HandOverPorts,
  alert: AirRaidAlert,
  message: OutboxMessage,
): Promise<OutboxMessage['status']> {
  if (message.status !== 'pending' || message.heldForAirRaid !== alert.id) return message.status;
  const { heldForAirRaid: _alert, ...next } = droppedMessage(
    message,
    'dropped in the air-raid alert: its day is over, its rides handed to the dispatcher',
  );
  try {
    await ports.entities.commit([{ op: 'outbox-final', message: next, expectedVersion: message.version }]);
    return 'suppressed';
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // changed meanwhile (sent, re-held): as it is now
    return (await ports.outbox.get(message.id))?.status ?? 'pending';
  }
}
