/**
 * When an air-raid alert ends, the rest of its day is planned again: the ordinary planning of a
 * day under way (plan-day.ts: the stops made stay, each vehicle starts from its last stop now,
 * the independent checker must accept the answer), with the windows of the requests not yet
 * served that the alert ran over made longer by its duration (a ride due at 10:00 during a
 * 10:00–10:40 alert may be served until its window's end + 40 min). A plan that was published is
 * published again: drivers get their new routes and each resident whose window moved is told
 * (follow-plan.ts, window-notice.ts). An alert that crossed midnight: its start day is over, its
 * undone rides are handed to the dispatcher (start-day-over.ts); the later day is planned again by
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
  // it crossed midnight: its start day is over and is not planned again, but handed over (once:
  // at its midnight by the poll, or now, start-day-over.ts); the step's figures are the stored ones
  const end = new Date(alert.endedAt);
  const endDate = localDate(end, hromada.timeZone);
  if (alert.date < endDate) return startDayOutcome(await closeStartDay(ports, hromada, alert, endDate, end));
  const ranMs = Date.parse(alert.endedAt) - Date.parse(alert.startedAt);
  const adjust = (r: ServiceRequest): ServiceRequest =>
    isOpen(r.status) && Date.parse(r.window.end) >= Date.parse(alert.startedAt)
      ? { ...r, window: { ...r.window, end: new Date(Date.parse(r.window.end) + ranMs).toISOString() } }
      : r;
  return replanDay(ports, hromada, alert.date, adjust, options);
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
