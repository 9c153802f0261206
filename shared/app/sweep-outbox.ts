import { dueAtFor, MAX_SEND_ATTEMPTS, type OutboxMessage } from '../domain/entities/outbox-message';
import type { Ports } from '../ports/ports';
import { raiseSmsFailed } from './alerts/raise-sms-failed';

export interface SweepRun {
  /** Claims whose lease ran out, put back to pending to be sent again. */
  requeued: number;
  /** Pending messages the stream had not delivered in time, given a new version to deliver. */
  nudged: number;
  /** Messages held for the quiet hours, released now that they ended (the stream sends them). */
  released: number;
  /** Claims that ran out of attempts: failed for good, shown to the dispatcher. */
  failed: number;
  /** Changed by someone else while the sweeper looked (a sender got there first). */
  skipped: number;
}

/** Messages the sweeper looks at per run, at most; the next run takes the rest. */
export const SWEEP_BATCH = 200;

/**
 * Nothing stays open: run every minute (EventBridge Scheduler in AWS, the local scheduler on one
 * machine). A message still `sending` after its lease belongs to a sender that died between its
 * claim and its outcome (crash, timeout, SIGKILL): it goes back to pending, so the stream sends it
 * again, or to failed after MAX_SEND_ATTEMPTS. A message still `pending` after its grace missed its
 * stream record (a crash before the record was processed, a local platform that was down): a new
 * version makes the stream deliver it again. Every change is conditional on the version seen, so a
 * sender that gets there first wins and the sweeper skips it. A message held for the quiet hours is
 * due when they end: the sweeper releases it (a new version the stream delivers).
 */
export async function sweepOutbox(ports: Pick<Ports, 'outbox' | 'clock' | 'entities'>): Promise<SweepRun> {
  const now = ports.clock.now();
  const run: SweepRun = { requeued: 0, nudged: 0, released: 0, failed: 0, skipped: 0 };
  for (const message of await ports.outbox.listDue(now.toISOString(), SWEEP_BATCH)) {
    const [reason, dueAt, counter] = decide(message, now);
    const taken = await ports.outbox.takeBack(message, reason, dueAt);
    run[taken ? counter : 'skipped'] += 1;
    if (taken && counter === 'failed') await raiseSmsFailed(ports, message.id);
  }
  return run;
}

function decide(m: OutboxMessage, now: Date): [string, string | undefined, keyof SweepRun] {
  if (m.status === 'pending' && m.heldUntil && m.attempts === 0 && m.error === undefined)
    return ['released at the end of the quiet hours', dueAtFor('pending', now), 'released'];
  if (m.status === 'pending')
    return [m.error ?? 'not delivered by the stream in time', dueAtFor('pending', now), 'nudged'];
  if (m.attempts >= MAX_SEND_ATTEMPTS) {
    return [
      `no outcome recorded after ${m.attempts} attempts (sender stopped each time)`,
      undefined,
      'failed',
    ];
  }
  return ['sender stopped before recording the outcome; sent again', dueAtFor('pending', now), 'requeued'];
}
