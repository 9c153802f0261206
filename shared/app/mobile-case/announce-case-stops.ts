/**
 * The evening before a mobile-case stop, from the hromada's `rules.mobileCase.announceAt` (default
 * 17:00 Kyiv): every resident of the stop's settlement with a phone and SMS consent gets one short
 * SMS with the time, the place and how to book. Run every 15 minutes by the schedule; each message
 * id is derived from the stop and the resident, and the stop records `announcedAt` (with its audit
 * entry) once all are queued, so a repeated or overlapping run sends nothing twice.
 */

import { caseSlots } from '../../domain/case-slots';
import type { CaseStop } from '../../domain/entities/case-stop';
import type { Hromada } from '../../domain/entities/hromada';
import { ConflictError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { addDays, localDate, localParts } from '../../domain/time';
import { caseAnnouncement } from '../../messaging/templates';
import type { Ports } from '../../ports/ports';
import { readAllHromady } from '../all-hromady';
import { auditChange } from '../audit';
import { queueSms } from '../queue-sms';
import { listAll } from '../registry';
import { caseMessageId } from './case-message-id';

export interface AnnouncementRun {
  stops: number;
  queued: number;
  alreadyQueued: number;
}

type AnnouncePorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

export async function announceCaseStops(ports: AnnouncePorts): Promise<AnnouncementRun> {
  const run: AnnouncementRun = { stops: 0, queued: 0, alreadyQueued: 0 };
  for (const hromada of await readAllHromady(ports)) await announceForHromada(ports, hromada, run);
  return run;
}

async function announceForHromada(ports: AnnouncePorts, hromada: Hromada, run: AnnouncementRun) {
  const now = ports.clock.now();
  const local = localParts(now, hromada.timeZone);
  const hhmm = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  if (hhmm < hromada.rules.mobileCase.announceAt) return;
  const tomorrow = addDays(localDate(now, hromada.timeZone), 1);
  const stops = (await ports.entities.caseStops.between(hromada.id, tomorrow, tomorrow)).filter(
    (s) => s.status === 'scheduled' && !s.announcedAt,
  );
  if (stops.length === 0) return;
  const residents = await listAll(ports, registryKinds.residents, hromada.id);
  for (const stop of stops) {
    run.stops += 1;
    const text = caseAnnouncement({
      settlement: stop.settlementName,
      from: stop.from,
      to: stop.to,
      example: caseSlots(stop)[1]?.time ?? stop.from,
    });
    for (const resident of residents) {
      if (resident.settlementId !== stop.settlementId || !resident.phone || !resident.smsConsent) continue;
      const sms = queueSms(ports, hromada, {
        id: caseMessageId('announce', stop.id, resident.id),
        kind: 'reminder',
        to: resident.phone,
        text,
        subject: `CASESTOP#${stop.id}`,
        confidential: resident.confidential,
      });
      try {
        await ports.entities.commit([sms]);
        run.queued += 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        run.alreadyQueued += 1;
      }
    }
    await markAnnounced(ports, hromada, stop);
  }
}

async function markAnnounced(ports: AnnouncePorts, hromada: Hromada, stop: CaseStop) {
  const now = ports.clock.now().toISOString();
  try {
    await ports.entities.commit([
      {
        op: 'update',
        entity: 'CaseStop',
        item: { ...stop, announcedAt: now, version: stop.version + 1, updatedAt: now },
        expectedVersion: stop.version,
      },
      auditChange(ports, hromada, 'scheduler', 'update', 'CaseStop', stop.id, ['announcedAt']),
    ]);
  } catch (error) {
    // changed meanwhile (a booking does not change the stop; an edit or a parallel run does):
    // the next run reads it again, and its messages are already queued
    if (!(error instanceof ConflictError)) throw error;
  }
}
