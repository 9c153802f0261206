/**
 * Booking a mobile-case slot, moving it and giving it back (dispatcher or resident's SMS). A slot
 * is one item put with `attribute_not_exists` in the booking's transaction, and a resident has one
 * booking item per stop, so no slot is ever booked twice and nobody holds two slots at a stop,
 * however many bookings race. A booking that lost a race for "the first free slot" reads again
 * and takes the next one; when none is left it is a 409 with the reason in Ukrainian.
 */
import { CASE_REASONS } from '../../domain/case-booking-reasons';
import { caseSlots, slotAt, slotTime } from '../../domain/case-slots';
import type { CaseBooking, CaseStop } from '../../domain/entities/case-stop';
import type { Hromada } from '../../domain/entities/hromada';
import type { Resident } from '../../domain/entities/resident';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { expiresAfterDays } from '../../domain/retention';
import { addDays, localDate, localToUtc } from '../../domain/time';
import { caseBooked, caseCancelled } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { queueSms } from '../queue-sms';
import { requireHromada } from '../registry';
import { MAX_ATTEMPTS, pause } from '../retry';
import { caseMessageId } from './case-message-id';
import { requireCaseStop } from './case-stops';

type BookPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

const { noFreeSlot: NO_FREE_SLOT, stopClosed: STOP_CLOSED, slotTaken: SLOT_TAKEN } = CASE_REASONS;

export interface SlotRequest {
  hromadaId: string;
  stopId: string;
  residentId: string;
  /** The slot's local time as the resident or dispatcher names it; absent: the first free one. */
  time?: string;
  actor: string;
  /** Also written in the booking's transaction (an SMS reply's record). */
  extra?: (booked: { time: string; stop: CaseStop }) => Change[];
  /** Confirm to the resident by SMS (when they consented). Default true. */
  notify?: boolean;
}

export interface BookedSlot {
  stopId: string;
  residentId: string;
  slot: number;
  time: string;
  version: number;
}

interface Context {
  hromada: Hromada;
  stop: CaseStop;
  resident: Resident;
}

async function context(ports: BookPorts, r: { hromadaId: string; stopId: string; residentId: string }) {
  const hromada = await requireHromada(ports, r.hromadaId);
  const [stop, resident] = await Promise.all([
    requireCaseStop(ports, r.hromadaId, r.stopId),
    ports.entities.registry.get(registryKinds.residents, r.hromadaId, r.residentId),
  ]);
  if (!resident) throw new NotFoundError('Resident', r.residentId);
  return { hromada, stop, resident };
}

/** A stop takes bookings while it is scheduled and has not closed. */
function assertOpen(ports: Pick<Ports, 'clock'>, { hromada, stop }: Context): void {
  const closes = localToUtc(stop.date, stop.to, hromada.timeZone);
  if (stop.status !== 'scheduled' || closes.getTime() <= ports.clock.now().getTime())
    throw new ConflictError(`CaseStop ${stop.id} takes no bookings`, undefined, { reason: STOP_CLOSED });
}

function slotOf(stop: CaseStop, time: string): number {
  const slot = slotAt(stop, time);
  if (slot === undefined) {
    const message = `no slot starts at ${time}`;
    throw new ValidationError(`Invalid time: ${message}`, [{ path: 'time', message }], {
      reason: `о ${time} запису немає: слоти ${caseSlots(stop)
        .map((s) => s.time)
        .join(', ')}`,
    });
  }
  return slot;
}

function bookingItem(
  ports: Pick<Ports, 'clock'>,
  c: Context,
  slot: number,
  by: string,
  version: number,
  bookedAt?: string,
): CaseBooking {
  const now = ports.clock.now().toISOString();
  return {
    hromadaId: c.hromada.id,
    stopId: c.stop.id,
    residentId: c.resident.id,
    slot,
    version,
    bookedAt: bookedAt ?? now,
    updatedAt: now,
    by,
    toldTime: slotTime(c.stop, slot),
    expiresAt: expiresAfterDays(new Date(`${addDays(c.stop.date, 3)}T00:00:00Z`), 0),
  };
}

/** The resident's SMS about their slot, when they have a phone and consented. */
function slotSms(
  ports: Pick<Ports, 'clock'>,
  c: Context,
  id: string,
  text: string,
  kind: 'booking-confirmation' | 'cancellation' | 'change',
): Change[] {
  if (!c.resident.phone || !c.resident.smsConsent) return [];
  return [
    queueSms(ports, c.hromada, {
      id,
      kind,
      to: c.resident.phone,
      text,
      subject: `CASESTOP#${c.stop.id}`,
      confidential: c.resident.confidential,
    }),
  ];
}

const day = (stop: CaseStop) => `${stop.date.slice(8, 10)}.${stop.date.slice(5, 7)}`;

export async function bookCaseSlot(ports: BookPorts, r: SlotRequest): Promise<BookedSlot> {
  for (let attempt = 1; ; attempt += 1) {
    const c = await context(ports, r);
    assertOpen(ports, c);
    if (await ports.entities.caseBookings.get(r.hromadaId, r.stopId, r.residentId))
      throw new ConflictError(`Resident ${r.residentId} already has a slot`, undefined, {
        reason: CASE_REASONS.alreadyBooked,
      });
    const taken = new Set(
      (await ports.entities.caseBookings.forStop(r.hromadaId, r.stopId)).map((b) => b.slot),
    );
    const slot = r.time ? slotOf(c.stop, r.time) : caseSlots(c.stop).find((s) => !taken.has(s.index))?.index;
    if (slot === undefined)
      throw new ConflictError(`CaseStop ${r.stopId} is full`, undefined, { reason: NO_FREE_SLOT });
    if (r.time && taken.has(slot))
      throw new ConflictError(`Slot ${slot} is taken`, undefined, { reason: SLOT_TAKEN });
    const booking = bookingItem(ports, c, slot, r.actor, 1);
    const time = booking.toldTime;
    const sms =
      r.notify === false
        ? []
        : slotSms(
            ports,
            c,
            caseMessageId('book', c.stop.id, c.resident.id, slot, booking.bookedAt),
            caseBooked({ day: day(c.stop), time, settlement: c.stop.settlementName }),
            'booking-confirmation',
          );
    try {
      await ports.entities.commit([
        { op: 'case-slot-take', booking },
        { op: 'case-booking', booking },
        auditChange(ports, c.hromada, r.actor, 'book', 'CaseStop', c.stop.id, ['slots']),
        ...sms,
        ...(r.extra?.({ time, stop: c.stop }) ?? []),
      ]);
      return { stopId: c.stop.id, residentId: c.resident.id, slot, time, version: 1 };
    } catch (error) {
      // someone took that slot, or the resident's booking, a moment ago: read again and decide
      if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw lastWord(error);
      await pause(attempt);
    }
  }
}

/** After the last attempt, a race lost is still a 409 a dispatcher can read. */
function lastWord(error: unknown): unknown {
  if (error instanceof ConflictError && !error.reason)
    return new ConflictError(error.message, error.currentVersion, { reason: NO_FREE_SLOT });
  return error;
}

/** Move a resident's booking to the slot at `time` (at the booking's version read). */
export async function moveCaseSlot(
  ports: BookPorts,
  r: SlotRequest & { time: string; version?: number },
): Promise<BookedSlot> {
  const c = await context(ports, r);
  assertOpen(ports, c);
  const old = await ports.entities.caseBookings.get(r.hromadaId, r.stopId, r.residentId);
  if (!old) throw new NotFoundError('CaseBooking', `${r.stopId}/${r.residentId}`);
  if (r.version !== undefined && r.version !== old.version)
    throw new ConflictError(`The booking is at version ${old.version}`, old.version);
  const slot = slotOf(c.stop, r.time);
  if (slot === old.slot)
    return { stopId: c.stop.id, residentId: c.resident.id, slot, time: old.toldTime, version: old.version };
  const booking = bookingItem(ports, c, slot, r.actor, old.version + 1, old.bookedAt);
  const time = booking.toldTime;
  await ports.entities.commit([
    { op: 'case-slot-free', booking: old },
    { op: 'case-slot-take', booking },
    { op: 'case-booking', booking, expectedVersion: old.version },
    auditChange(ports, c.hromada, r.actor, 'update', 'CaseStop', c.stop.id, ['slots']),
    ...(r.notify === false
      ? []
      : slotSms(
          ports,
          c,
          caseMessageId('move', c.stop.id, c.resident.id, booking.version, booking.bookedAt),
          caseBooked({ day: day(c.stop), time, settlement: c.stop.settlementName }),
          'change',
        )),
    ...(r.extra?.({ time, stop: c.stop }) ?? []),
  ]);
  return { stopId: c.stop.id, residentId: c.resident.id, slot, time, version: booking.version };
}

/** Give the slot back (at the booking's version read, when given). */
export async function cancelCaseSlot(
  ports: BookPorts,
  r: Omit<SlotRequest, 'time'> & { version?: number },
): Promise<{ stopId: string; residentId: string; time: string }> {
  const c = await context(ports, r);
  const old = await ports.entities.caseBookings.get(r.hromadaId, r.stopId, r.residentId);
  if (!old) throw new NotFoundError('CaseBooking', `${r.stopId}/${r.residentId}`);
  if (r.version !== undefined && r.version !== old.version)
    throw new ConflictError(`The booking is at version ${old.version}`, old.version);
  const time = slotTime(c.stop, old.slot);
  await ports.entities.commit([
    { op: 'case-slot-free', booking: old },
    { op: 'case-booking', booking: old, expectedVersion: old.version, remove: true },
    auditChange(ports, c.hromada, r.actor, 'cancel', 'CaseStop', c.stop.id, ['slots']),
    ...(r.notify === false
      ? []
      : slotSms(
          ports,
          c,
          caseMessageId('cancel', c.stop.id, c.resident.id, old.version, old.bookedAt),
          caseCancelled({ day: day(c.stop), time }),
          'cancellation',
        )),
    ...(r.extra?.({ time, stop: c.stop }) ?? []),
  ]);
  return { stopId: c.stop.id, residentId: c.resident.id, time };
}

/** The stops ahead (today, not yet closed, the next 21 days) in a settlement, soonest first. */
export async function stopsAhead(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromada: Hromada,
  settlementId?: string,
): Promise<CaseStop[]> {
  const now = ports.clock.now();
  const today = localDate(now, hromada.timeZone);
  const stops = await ports.entities.caseStops.between(hromada.id, today, addDays(today, 21));
  return stops.filter(
    (s) =>
      s.status === 'scheduled' &&
      (settlementId === undefined || s.settlementId === settlementId) &&
      localToUtc(s.date, s.to, hromada.timeZone).getTime() > now.getTime(),
  );
}
