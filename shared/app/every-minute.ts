import type { Ports } from '../ports/ports';
import { sendDueNearNotices } from './notices/near-notice-sweep';
import { type SweepRun, sweepOutbox } from './sweep-outbox';

/**
 * The every-minute schedule: the outbox sweep (nothing stays open), then "the car is near" notices
 * due by the clock. One function, one schedule (EventBridge Scheduler; the local scheduler).
 */
export async function runEveryMinute(
  ports: Pick<Ports, 'entities' | 'outbox' | 'clock'>,
): Promise<SweepRun & { nearNotices: number }> {
  const run = await sweepOutbox(ports);
  return { ...run, nearNotices: await sendDueNearNotices(ports) };
}
