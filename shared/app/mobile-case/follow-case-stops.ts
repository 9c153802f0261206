/**
 * Slots follow the planned arrival: once a day is planned, each mobile-case stop on a route gets
 * `shiftMinutes` = how much later than its opening the workstation arrives (never negative), so
 * every slot moves by as much; a resident whose slot time moved is told by one short SMS (only
 * then). Like follow-plan, a step after the plan's transaction: the stop (with its audit entry) is
 * written at its version, then each moved booking with its SMS, whose id is derived from the
 * booking and the new time, so a repeated run tells nobody twice.
 */
import { slotTime } from '../../domain/case-slots';
import type { CaseStop } from '../../domain/entities/case-stop';
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import { ConflictError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { localToUtc } from '../../domain/time';
import { caseSlotMoved } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { queueSms } from '../queue-sms';
import { requireHromada } from '../registry';
import { caseMessageId } from './case-message-id';

type FollowPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/** The stops whose slots moved, and the residents told. */
export async function followCaseStops(
  ports: FollowPorts,
  hromadaId: string,
  plan: Plan,
): Promise<{ shifted: number; told: number }> {
  const hromada = await requireHromada(ports, hromadaId);
  const arrivals = new Map(plan.routes.flatMap((r) => r.stops.map((s) => [s.requestId, s.arrival] as const)));
  const stops = await ports.entities.caseStops.between(hromadaId, plan.date, plan.date);
  let shifted = 0;
  let told = 0;
  for (const stop of stops) {
    const arrival = arrivals.get(stop.id);
    if (!arrival || stop.status !== 'scheduled') continue;
    const opens = localToUtc(stop.date, stop.from, hromada.timeZone).getTime();
    const shift = Math.max(0, Math.ceil((Date.parse(arrival) - opens) / 60_000));
    let current = stop;
    if (shift !== stop.shiftMinutes) {
      current = await saveShift(ports, hromada, stop, shift);
      shifted += 1;
    }
    told += await tellMoved(ports, hromada, current);
  }
  return { shifted, told };
}

async function saveShift(
  ports: FollowPorts,
  hromada: Hromada,
  stop: CaseStop,
  shiftMinutes: number,
): Promise<CaseStop> {
  const now = ports.clock.now().toISOString();
  const next: CaseStop = { ...stop, shiftMinutes, version: stop.version + 1, updatedAt: now };
  await ports.entities.commit([
    { op: 'update', entity: 'CaseStop', item: next, expectedVersion: stop.version },
    auditChange(ports, hromada, 'planning', 'update', 'CaseStop', stop.id, ['shiftMinutes']),
  ]);
  return next;
}

/** Each booking whose slot time is no longer the time its resident was told: the new time, by SMS. */
async function tellMoved(ports: FollowPorts, hromada: Hromada, stop: CaseStop): Promise<number> {
  let told = 0;
  for (const booking of await ports.entities.caseBookings.forStop(hromada.id, stop.id)) {
    const time = slotTime(stop, booking.slot);
    if (time === booking.toldTime) continue;
    const resident = await ports.entities.registry.get(
      registryKinds.residents,
      hromada.id,
      booking.residentId,
    );
    const now = ports.clock.now().toISOString();
    const changes: Change[] = [
      {
        op: 'case-booking',
        booking: { ...booking, toldTime: time, version: booking.version + 1, updatedAt: now },
        expectedVersion: booking.version,
      },
      auditChange(ports, hromada, 'planning', 'update', 'CaseStop', stop.id, ['slots']),
    ];
    if (resident?.phone && resident.smsConsent) {
      const day = `${stop.date.slice(8, 10)}.${stop.date.slice(5, 7)}`;
      changes.push(
        queueSms(ports, hromada, {
          id: caseMessageId('shift', stop.id, booking.residentId, booking.bookedAt, time),
          kind: 'change',
          to: resident.phone,
          text: caseSlotMoved({ day, time, was: booking.toldTime }),
          subject: `CASESTOP#${stop.id}`,
          confidential: resident.confidential,
        }),
      );
    }
    try {
      await ports.entities.commit(changes);
      if (changes.length > 2) told += 1;
    } catch (error) {
      // moved or given back meanwhile: the next planning run reads it again
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return told;
}
