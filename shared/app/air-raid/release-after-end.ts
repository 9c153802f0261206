/**
 * The sender meets a message still held for an air-raid alert (`heldForAirRaid`) once its hold's
 * re-check is due. The alert lists only the first MAX_HELD_IDS held ids, so release-held.ts at the
 * end does not see every held message; this does the rest, by the same rule (afterAirRaid):
 * - the alert still in force: not ours (hold-for-air-raid.ts holds it again);
 * - the alert ended but its end not finished yet (`ending`: the re-plan may still move the
 *   times): held again for HOLD_RECHECK_MINUTES, for an hour at most;
 * - the alert over: released (sent on, re-timed) or dropped, written at the version read. The
 *   released message no longer names the alert, so it is released once.
 * An alert no longer stored (past its retention) releases the message as it is.
 */
import { dueAtFor, type OutboxMessage } from '../../domain/entities/outbox-message';
import { ConflictError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { HOLD_RECHECK_MINUTES } from './hold-for-air-raid';
import { afterAirRaid } from './release-held';

/** True when the message was written here (or changed meanwhile): the sender leaves this version. */
export async function releaseAfterEnd(
  ports: Pick<Ports, 'entities' | 'outbox' | 'clock'>,
  seen: OutboxMessage,
): Promise<boolean> {
  if (seen.status !== 'pending' || !seen.heldForAirRaid) return false;
  const alert = await ports.entities.airRaids.get(seen.hromadaId, seen.heldForAirRaid);
  if (alert && alert.endedAt === undefined) return false;
  const hromada = await ports.entities.hromady.get(seen.hromadaId);
  let next: OutboxMessage;
  if (!alert || !hromada) {
    const { heldForAirRaid: _alert, heldUntil: _held, ...rest } = seen;
    next = { ...rest, dueAt: dueAtFor('pending', ports.clock.now()), version: seen.version + 1 };
  } else if (alert.ending && ports.clock.now().getTime() - Date.parse(alert.endedAt ?? '') < ENDING_WAIT_MS)
    next = heldAgain(seen, ports.clock.now());
  else next = await afterAirRaid(ports, hromada, alert, seen);
  try {
    await ports.entities.commit([{ op: 'outbox-final', message: next, expectedVersion: seen.version }]);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  return true;
}

/** An end unfinished longer than this (a fault that does not pass) no longer holds its messages. */
const ENDING_WAIT_MS = 60 * 60_000;

function heldAgain(m: OutboxMessage, now: Date): OutboxMessage {
  const until = new Date(now.getTime() + HOLD_RECHECK_MINUTES * 60_000).toISOString();
  return { ...m, heldUntil: until, dueAt: until, version: m.version + 1 };
}
