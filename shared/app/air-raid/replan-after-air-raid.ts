/**
 * When an air-raid alert ends, the rest of its day is planned again: the ordinary planning of a
 * day under way (plan-day.ts: the stops made stay, each vehicle starts from its last stop now,
 * the independent checker must accept the answer), with the windows of the requests not yet
 * served that the alert ran over made longer by its duration (a ride due at 10:00 during a
 * 10:00–10:40 alert may be served until its window's end + 40 min). A plan that was published is
 * published again: drivers get their new routes and each resident whose window moved is told
 * (follow-plan.ts, window-notice.ts). An alert that crossed midnight, or whose end is finished
 * after midnight: its start day is over, its undone rides are handed to the dispatcher
 * (start-day-over.ts); the later day is planned again by
 * replan-later-day.ts.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { isOpen } from '../../domain/entities/service-request';
import { AppError } from '../../domain/errors';
import { localDate } from '../../domain/time';
import type { Ports } from '../../ports/ports';
import { CheckerRefusal } from '../planning/checker-refusal';
import { planDay } from '../planning/plan-day';
import { publishPlan } from '../planning/publish-plan';
import { leftAdjust } from './replan-left';
import { closeStartDay, startDayOutcome } from './start-day-over';
import { windowNotices } from './window-notices-sent';

/** The engine's budget for the re-plan, at most (the hromada's planning budget when smaller). */
export const REPLAN_MS = 3_000;

export interface ReplanOptions {
  /** Tests: a fixed number of engine iterations. */
  maxIterations?: number;
  seed?: number;
}

export interface Replanned {
  planVersion?: number;
  windowsMoved: number;
  error?: string;
  /** The start day was over at the end: not planned again, its undone rides handed over. */
  dayOver?: boolean;
  /** Not planned again: a new alert followed at once, its end plans the day (replan-left.ts). */
  left?: boolean;
  /** The start day's requests to rebook (over: start-day-over.ts). */
  toRebook?: string[];
  toRebookCount?: number;
}

export async function replanAfterAirRaid(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids' | 'solver' | 'outbox'>,
  hromada: Hromada,
  alert: AirRaidAlert & { endedAt: string },
  options: ReplanOptions = {},
): Promise<Replanned> {
  // its start day is over now (it crossed midnight, or its end is finished after midnight: a
  // spread end marked at 23:59 and finished by the poll at 00:00:30): not planned again, but handed
  // over (once: at its midnight by the poll, or now, start-day-over.ts); the stored figures
  const now = ports.clock.now();
  const today = localDate(now, hromada.timeZone);
  if (alert.date < today) return startDayOutcome(await closeStartDay(ports, hromada, alert, today, now));
  // the alerts just before it whose re-plan of the day was left to this one count too
  const before = await leftAdjust(ports, hromada, alert, alert.date);
  const own = startDayAdjust(alert);
  return replanDay(ports, hromada, alert.date, (r) => own(before(r)), options);
}

/** The start day's windows the alert ran over, made longer by its duration. */
export function startDayAdjust(alert: AirRaidAlert & { endedAt: string }) {
  const ranMs = Date.parse(alert.endedAt) - Date.parse(alert.startedAt);
  return (r: ServiceRequest): ServiceRequest =>
    isOpen(r.status) && Date.parse(r.window.end) >= Date.parse(alert.startedAt)
      ? { ...r, window: { ...r.window, end: new Date(Date.parse(r.window.end) + ranMs).toISOString() } }
      : r;
}

/**
 * One day planned again after an alert, the requests seen through `adjust`, and published again
 * when it was published; a day that cannot be (over, changed meanwhile, refused by the checker)
 * answers why.
 */
export async function replanDay(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids' | 'solver' | 'outbox'>,
  hromada: Hromada,
  date: string,
  adjust: (r: ServiceRequest) => ServiceRequest,
  options: ReplanOptions,
): Promise<Replanned> {
  const before = await ports.entities.plans.forDay(hromada.id, date);
  if (!before) return { windowsMoved: 0 };
  try {
    const actor = 'system:air-raid';
    const draft = await planDay(ports, hromada.id, date, actor, {
      timeLimitMs: Math.min(REPLAN_MS, hromada.rules.planningSeconds * 1000),
      expectedVersion: before.version,
      adjust,
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
    if (before.status !== 'published') return { planVersion: draft.version, windowsMoved: 0 };
    const { plan } = await publishPlan(ports, hromada.id, date, draft.version, actor);
    return { planVersion: plan.version, windowsMoved: await windowNotices(ports, plan) };
  } catch (error) {
    // a day already over, a plan changed meanwhile, a plan the checker refused: the log says so
    if (error instanceof AppError || error instanceof CheckerRefusal)
      return { windowsMoved: 0, error: error.message.slice(0, 300) };
    throw error;
  }
}
