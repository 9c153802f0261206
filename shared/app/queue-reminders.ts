import type { Hromada } from '../domain/entities/hromada';
import { isOpen } from '../domain/entities/service-request';
import { ConflictError } from '../domain/errors';
import { registryKinds } from '../domain/registry';
import { addDays, localDate, localDayLabel, localTimeLabel, localToUtc } from '../domain/time';
import { reminder } from '../messaging/templates';
import type { Ports } from '../ports/ports';
import { readAllHromady } from './all-hromady';
import { queueSms } from './queue-sms';

export interface ReminderRun {
  hromady: number;
  /** Hromady whose reminder time had come (their reminders were looked at in this run). */
  due: number;
  queued: number;
  alreadyQueued: number;
  withoutConsent: number;
}

/**
 * How long after a hromada's reminder time its reminders are still queued: the schedule runs every
 * 15 minutes, so each day's reminders are looked at by several runs (a failed or missed run is
 * caught up by the next); the outbox ids make them go once.
 */
export const REMINDER_WINDOW_MS = 2 * 3_600_000;

/**
 * The service dates whose reminders are due at `now` for a hromada: the date after the local day on
 * which its `rules.reminderTime` (default 18:00 Kyiv) has come, within REMINDER_WINDOW_MS (today's
 * too, when the reminder time was late yesterday evening).
 */
export function reminderDates(hromada: Pick<Hromada, 'rules' | 'timeZone'>, now: Date): string[] {
  const today = localDate(now, hromada.timeZone);
  return [addDays(today, -1), today].flatMap((day) => {
    const due = localToUtc(day, hromada.rules.reminderTime, hromada.timeZone).getTime();
    const t = now.getTime();
    return t >= due && t < due + REMINDER_WINDOW_MS ? [addDays(day, 1)] : [];
  });
}

/**
 * Every 15 minutes (EventBridge Scheduler; the local scheduler): for each hromada whose reminder
 * time has come, queue a reminder for each of the next day's open requests. Ids are derived from
 * the request and date, so a repeated or retried run queues nothing twice (a reminder already
 * queued is seen with one GetItem and skipped).
 */
export async function queueReminders(
  ports: Pick<Ports, 'entities' | 'clock' | 'outbox'>,
): Promise<ReminderRun> {
  const run: ReminderRun = { hromady: 0, due: 0, queued: 0, alreadyQueued: 0, withoutConsent: 0 };
  const now = ports.clock.now();
  for (const hromada of await readAllHromady(ports)) {
    run.hromady += 1;
    const dates = reminderDates(hromada, now);
    if (dates.length > 0) run.due += 1;
    for (const date of dates) await queueForHromada(ports, { hromada, date, run });
  }
  return run;
}

/** One hromada's reminders for `date`, counted into `run`. */
async function queueForHromada(
  ports: Pick<Ports, 'entities' | 'clock' | 'outbox'>,
  { hromada, date, run }: { hromada: Hromada; date: string; run: ReminderRun },
) {
  const requests = await ports.entities.requests.forDay(hromada.id, date);
  for (const request of requests) {
    // a will-call return has no time to remind of until the resident calls
    if (!isOpen(request.status) || request.awaitingCall) continue;
    const id = `remind-${request.id}-${date}`;
    if (await ports.outbox.get(id)) {
      run.alreadyQueued += 1;
      continue;
    }
    const resident = await ports.entities.registry.get(
      registryKinds.residents,
      hromada.id,
      request.residentId,
    );
    if (!resident?.phone || !resident.smsConsent) {
      run.withoutConsent += 1;
      continue;
    }
    const start = new Date(request.window.start);
    const text = reminder({
      service: request.serviceType,
      confidential: request.confidential,
      day: localDayLabel(start),
      from: localTimeLabel(start),
      to: localTimeLabel(new Date(request.window.end)),
    });
    const queued = queueSms(ports, hromada, {
      id,
      kind: 'reminder',
      to: resident.phone,
      text,
      subject: `REQUEST#${request.id}`,
      confidential: request.confidential,
      tripStart: request.window.start,
    });
    try {
      await ports.entities.commit([queued]);
      run.queued += 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      run.alreadyQueued += 1;
    }
  }
}
