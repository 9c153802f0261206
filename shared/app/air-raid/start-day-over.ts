/**
 * An air-raid alert that crossed midnight ends on a later day: its start day is over (Kyiv time)
 * and planning refuses a past day, so that day is not planned again. Its stops still ahead (a
 * late ride the shift moved past midnight) keep the shifted times; when the plan was published
 * and such a stop remains, the shifted plan is published again so that its drivers and residents
 * get the new times (publish-plan.ts sends only what changed). The log marks the day as over.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { AppError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { publishPlan } from '../planning/publish-plan';
import type { Replanned } from './replan-after-air-raid';
import { stopsMade } from './routes-under-way';
import { windowNotices } from './window-notices-sent';

export async function keepStartDayShifted(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'outbox'>,
  hromada: Hromada,
  alert: AirRaidAlert & { endedAt: string },
): Promise<Replanned> {
  const plan = await ports.entities.plans.forDay(hromada.id, alert.date);
  if (plan?.status !== 'published') return { windowsMoved: 0, dayOver: true };
  const requests = await ports.entities.requests.forDay(hromada.id, alert.date);
  const byId = new Map(requests.map((r) => [r.id, r]));
  const end = new Date(alert.endedAt);
  const ahead = plan.routes.some((r) => stopsMade(r, byId, end) < r.stops.length);
  if (!ahead || alert.effects.stopsShifted === 0) return { windowsMoved: 0, dayOver: true };
  try {
    const { plan: sent } = await publishPlan(ports, hromada.id, alert.date, plan.version, 'system:air-raid');
    return { planVersion: sent.version, windowsMoved: await windowNotices(ports, sent), dayOver: true };
  } catch (error) {
    if (error instanceof AppError)
      return { windowsMoved: 0, dayOver: true, error: error.message.slice(0, 300) };
    throw error;
  }
}
