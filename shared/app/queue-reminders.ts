import type { Hromada } from '../domain/entities/hromada';
import { isOpen } from '../domain/entities/service-request';
import { ConflictError } from '../domain/errors';
import { registryKinds } from '../domain/registry';
import { addDays, localDate, localDayLabel, localTimeLabel } from '../domain/time';
import { reminder } from '../messaging/templates';
import type { Ports } from '../ports/ports';
import { queueSms } from './queue-sms';

export interface ReminderRun {
  hromady: number;
  queued: number;
  alreadyQueued: number;
  withoutConsent: number;
}

/**
 * The evening before (18:00 Kyiv by default): queue a reminder for each of tomorrow's requests.
 * Ids are derived from the request and date, so a retried or repeated run queues nothing twice.
 */
export async function queueReminders(ports: Pick<Ports, 'entities' | 'clock'>): Promise<ReminderRun> {
  const run: ReminderRun = { hromady: 0, queued: 0, alreadyQueued: 0, withoutConsent: 0 };
  const tomorrow = addDays(localDate(ports.clock.now()), 1);
  let cursor: string | undefined;
  do {
    const page = await ports.entities.hromady.list({ limit: 100, cursor });
    for (const hromada of page.items) {
      run.hromady += 1;
      await queueForHromada(ports, { hromada, date: tomorrow, run });
    }
    cursor = page.next;
  } while (cursor);
  return run;
}

/** One hromada's reminders for `date`, counted into `run`. */
async function queueForHromada(
  ports: Pick<Ports, 'entities' | 'clock'>,
  { hromada, date, run }: { hromada: Hromada; date: string; run: ReminderRun },
) {
  const requests = await ports.entities.requests.forDay(hromada.id, date);
  for (const request of requests) {
    // a will-call return has no time to remind of until the resident calls
    if (!isOpen(request.status) || request.awaitingCall) continue;
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
      id: `remind-${request.id}-${date}`,
      kind: 'reminder',
      to: resident.phone,
      text,
      subject: `REQUEST#${request.id}`,
      confidential: request.confidential,
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
