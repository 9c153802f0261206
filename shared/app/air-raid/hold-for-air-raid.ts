/**
 * While an air-raid alert is in force in its hromada, a non-urgent message is held instead of
 * sent: the sender (send-outbox-message.ts) asks here before it claims a message. A held message
 * stays queued (`pending`) with `heldUntil` HOLD_RECHECK_MINUTES ahead and the alert's id; the
 * alert lists it. At the alert's end release-held.ts sends it on (or drops it when stale); should
 * that not happen, the sweeper releases it at `heldUntil` and the sender asks here again.
 *
 * Urgent, never held: the driver's air-raid notice, drivers' routes, cancellations, replies to the
 * resident's own SMS or call, and a social worker's welfare task. Held: "the car is near",
 * reminders, booking confirmations, changes and new windows, feedback requests, handover codes.
 */
import { type AirRaidAlert, MAX_HELD_IDS } from '../../domain/entities/air-raid-alert';
import type { OutboxKind, OutboxMessage } from '../../domain/entities/outbox-message';
import { ConflictError } from '../../domain/errors';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';

export const URGENT_IN_AIR_RAID: ReadonlySet<OutboxKind> = new Set([
  'air-raid',
  'driver-route',
  'cancellation',
  'help',
  'follow-up',
]);

/** How long a held message waits before the sweeper lets the sender look again. */
export const HOLD_RECHECK_MINUTES = 15;

const ATTEMPTS = 4;

/** True when the message is held (or changed meanwhile): the sender leaves it. */
export async function holdForAirRaid(
  ports: Pick<Ports, 'entities' | 'outbox' | 'clock' | 'ids'>,
  seen: OutboxMessage,
): Promise<boolean> {
  if (seen.status !== 'pending' || URGENT_IN_AIR_RAID.has(seen.kind)) return false;
  let message = seen;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const alert = await ports.entities.airRaids.active(message.hromadaId);
    if (!alert) return false;
    try {
      await ports.entities.commit(await holdChanges(ports, message, alert));
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const fresh = await ports.outbox.get(message.id);
      // sent, claimed or held by another delivery of the same record: not ours to send now
      if (!fresh || fresh.version !== message.version) return true;
      message = fresh;
    }
  }
  return true;
}

async function holdChanges(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  message: OutboxMessage,
  alert: AirRaidAlert,
): Promise<Change[]> {
  const now = ports.clock.now();
  const until = new Date(now.getTime() + HOLD_RECHECK_MINUTES * 60_000).toISOString();
  const held: OutboxMessage = {
    ...message,
    heldUntil: until,
    dueAt: until,
    heldForAirRaid: alert.id,
    version: message.version + 1,
  };
  const changes: Change[] = [{ op: 'outbox-final', message: held, expectedVersion: message.version }];
  // held again after a re-check: the alert already lists it, or counted it (beyond its list, or
  // off it once its day was handed over): counted once however long the alert lasts
  if (message.heldForAirRaid === alert.id || alert.effects.held.includes(message.id)) return changes;
  const hromada = await ports.entities.hromady.get(message.hromadaId);
  if (!hromada) return changes;
  const listed = alert.effects.held.length < MAX_HELD_IDS;
  const next: AirRaidAlert = {
    ...alert,
    effects: {
      ...alert.effects,
      held: listed ? [...alert.effects.held, message.id] : alert.effects.held,
      heldCount: alert.effects.heldCount + 1,
    },
    version: alert.version + 1,
    updatedAt: now.toISOString(),
  };
  changes.push(
    { op: 'update', entity: 'AirRaidAlert', item: next, expectedVersion: alert.version },
    auditChange(ports, hromada, 'system:air-raid', 'air-raid-hold', 'OutboxMessage', message.id, [
      'heldUntil',
    ]),
  );
  return changes;
}
