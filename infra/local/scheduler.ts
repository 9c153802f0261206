import { addDays, localDate, localToUtc } from '../../shared/domain/time';
import { type AnyHandler, lambdaContext } from './lambda-context';

export interface DailySchedule {
  functionName: string;
  handler: AnyHandler;
  /** Local wall-clock time, `HH:MM`, in `timeZone` (EventBridge Scheduler's ScheduleExpressionTimezone). */
  at: string;
  timeZone: string;
  input: unknown;
}

/** The next UTC instant of a daily local time, correct across DST changes. */
export function nextRun(schedule: Pick<DailySchedule, 'at' | 'timeZone'>, now: Date): Date {
  const today = localDate(now, schedule.timeZone);
  const candidate = localToUtc(today, schedule.at, schedule.timeZone);
  return candidate.getTime() > now.getTime()
    ? candidate
    : localToUtc(addDays(today, 1), schedule.at, schedule.timeZone);
}

/** Runs scheduled handlers at their times, as EventBridge Scheduler would. */
export class LocalScheduler {
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly schedules: DailySchedule[]) {}

  start(): void {
    for (const s of this.schedules) this.arm(s);
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  describe(): string[] {
    return this.schedules.map((s) => `${s.functionName} next at ${nextRun(s, new Date()).toISOString()}`);
  }

  private arm(s: DailySchedule): void {
    const delay = Math.min(nextRun(s, new Date()).getTime() - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(async () => {
      try {
        const result = await s.handler(s.input, lambdaContext(s.functionName));
        console.log(`[schedule] ${s.functionName}: ${JSON.stringify(result)}`);
      } catch (error) {
        console.error(`[schedule] ${s.functionName} failed: ${(error as Error).message}`);
      }
      this.arm(s);
    }, delay);
    timer.unref();
    this.timers.set(s.functionName, timer);
  }
}
