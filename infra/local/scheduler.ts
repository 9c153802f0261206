import { addDays, localDate, localToUtc } from '../../shared/domain/time';
import { functionTimeoutMs } from '../function-timeouts';
import { type AnyHandler, lambdaContext } from './lambda-context';

interface ScheduleBase {
  /** The schedule's name here (also its timer's key). */
  functionName: string;
  /** The AWS function it invokes, when not `functionName` (its timeout is the run's time). */
  runsOn?: string;
  handler: AnyHandler;
  input: unknown;
}

/** A daily local time, as EventBridge Scheduler's `cron(...)` with ScheduleExpressionTimezone. */
export interface DailySchedule extends ScheduleBase {
  /** Local wall-clock time, `HH:MM`, in `timeZone`. */
  at: string;
  timeZone: string;
  /**
   * Also run once when the platform starts: one machine is often off at the scheduled time (the
   * standing orders' rides of the days ahead are then booked at start, as the job would have).
   */
  alsoAtStart?: boolean;
}

/** A fixed rate, as EventBridge Scheduler's `rate(...)`. */
export interface RateSchedule extends ScheduleBase {
  everyMs: number;
}

export type LocalSchedule = DailySchedule | RateSchedule;

/** The next UTC instant of a daily local time, correct across DST changes. */
export function nextRun(schedule: Pick<DailySchedule, 'at' | 'timeZone'>, now: Date): Date {
  const today = localDate(now, schedule.timeZone);
  const candidate = localToUtc(today, schedule.at, schedule.timeZone);
  return candidate.getTime() > now.getTime()
    ? candidate
    : localToUtc(addDays(today, 1), schedule.at, schedule.timeZone);
}

function nextAt(s: LocalSchedule, now: Date): Date {
  return 'everyMs' in s ? new Date(now.getTime() + s.everyMs) : nextRun(s, now);
}

/** Runs scheduled handlers at their times, as EventBridge Scheduler would (one run at a time each). */
export class LocalScheduler {
  private timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly schedules: LocalSchedule[],
    private readonly log: (line: string) => void = console.log,
  ) {}

  start(): void {
    this.stopped = false;
    for (const s of this.schedules) {
      if ('alsoAtStart' in s && s.alsoAtStart) this.arm(s, new Date());
      else this.arm(s);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  describe(): string[] {
    return this.schedules.map((s) =>
      'everyMs' in s
        ? `${s.functionName} every ${s.everyMs / 1000} s`
        : `${s.functionName} next at ${nextRun(s, new Date()).toISOString()}`,
    );
  }

  private arm(s: LocalSchedule, at = nextAt(s, new Date())): void {
    const delay = Math.max(0, Math.min(at.getTime() - Date.now(), 2 ** 31 - 1));
    const timer = setTimeout(async () => {
      try {
        const result = await s.handler(
          s.input,
          lambdaContext(s.functionName, functionTimeoutMs(s.runsOn ?? s.functionName)),
        );
        // A rate schedule that found nothing to do stays quiet.
        if (!('everyMs' in s) || hasWork(result))
          this.log(`[schedule] ${s.functionName}: ${JSON.stringify(result)}`);
      } catch (error) {
        console.error(`[schedule] ${s.functionName} failed: ${(error as Error).message}`);
      }
      if (!this.stopped) this.arm(s);
    }, delay);
    timer.unref();
    this.timers.set(s.functionName, timer);
  }
}

function hasWork(result: unknown): boolean {
  return (
    typeof result === 'object' &&
    result !== null &&
    Object.values(result).some((v) => typeof v === 'number' && v > 0)
  );
}
