import { localDate } from '../../domain/time';
import type { Ports } from '../../ports/ports';
import { readAllHromady } from '../all-hromady';
import { NEAR_MINUTES, nearNoticeId, sendNearNotice } from './near-notice';

/**
 * The clock's side of "the car is near" (run every minute with the outbox sweep): every hromada's
 * published plan of today, each pickup or visit planned within NEAR_MINUTES from now and not yet
 * told. Stops already past are left alone (the driver's report covers a late car). The number queued.
 */
export async function sendDueNearNotices(
  ports: Pick<Ports, 'entities' | 'outbox' | 'clock'>,
): Promise<number> {
  const now = ports.clock.now();
  const until = now.getTime() + NEAR_MINUTES * 60_000;
  let queued = 0;
  for (const hromada of await readAllHromady(ports)) {
    const plan = await ports.entities.plans.forDay(hromada.id, localDate(now, hromada.timeZone));
    if (plan?.status !== 'published') continue;
    for (const route of plan.routes) {
      for (const stop of route.stops) {
        const at = new Date(stop.arrival).getTime();
        if (stop.kind === 'dropoff' || at < now.getTime() || at > until) continue;
        if (await ports.outbox.get(nearNoticeId(stop.requestId))) continue;
        const request = await ports.entities.requests.get(hromada.id, stop.requestId);
        if (request && (await sendNearNotice(ports, hromada, request, stop.arrival))) queued++;
      }
    }
  }
  return queued;
}
