/**
 * Mobile-case stops: create, read (with their slots and bookings), list by dates, change, delete.
 * Each write is one transaction with its audit entry, conditional on the version read.
 */
import type { Actor } from '../../domain/actor';
import { caseSlots, slotCount, toMinutes } from '../../domain/case-slots';
import type { CaseBooking, CaseStop, CaseStopCreate, CaseStopPatch } from '../../domain/entities/case-stop';
import type { Hromada } from '../../domain/entities/hromada';
import type { Settlement } from '../../domain/entities/settlement';
import type { Vehicle } from '../../domain/entities/vehicle';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { addDays, localDate } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { requireHromada } from '../registry';

type StopPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/** A stop as the API shows it: its slots, each with who booked it. */
export type CaseStopView = CaseStop & {
  slots: Array<{ index: number; time: string; start: string; residentId?: string; bookingVersion?: number }>;
};

export function caseStopView(stop: CaseStop, bookings: CaseBooking[], timeZone: string): CaseStopView {
  const byIndex = new Map(bookings.map((b) => [b.slot, b]));
  return {
    ...stop,
    slots: caseSlots(stop, timeZone).map((s) => {
      const b = byIndex.get(s.index);
      return b ? { ...s, residentId: b.residentId, bookingVersion: b.version } : s;
    }),
  };
}

export async function requireCaseStop(ports: Pick<Ports, 'entities'>, hromadaId: string, id: string) {
  const stop = await ports.entities.caseStops.get(hromadaId, id);
  if (!stop) throw new NotFoundError('CaseStop', id);
  return stop;
}

/** The settlement and vehicle a stop names, checked: a 400 naming the field otherwise. */
export async function stopPlaceAndVehicle(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  fields: { settlementId: string; vehicleId: string },
): Promise<{ settlement: Settlement & { location: NonNullable<Settlement['location']> }; vehicle: Vehicle }> {
  const [settlement, vehicle] = await Promise.all([
    ports.entities.registry.get(registryKinds.settlements, hromadaId, fields.settlementId),
    ports.entities.registry.get(registryKinds.vehicles, hromadaId, fields.vehicleId),
  ]);
  if (!settlement?.location)
    throw invalid(
      'settlementId',
      'no such settlement with coordinates',
      'немає такого населеного пункту з координатами',
    );
  if (!vehicle?.services.includes('mobile-case'))
    throw invalid('vehicleId', 'no such vehicle serving mobile-case', 'це авто не возить мобільний кейс');
  return {
    settlement: settlement as Settlement & { location: NonNullable<Settlement['location']> },
    vehicle,
  };
}

const invalid = (path: string, message: string, reason: string) =>
  new ValidationError(`Invalid ${path}: ${message}`, [{ path, message }], { reason });

/** The stored stop a create makes. */
export function newCaseStop(
  hromada: Hromada,
  settlement: Settlement & { location: NonNullable<Settlement['location']> },
  fields: Omit<CaseStopCreate, 'id'>,
  extra: { id: string; now: string; scheduleId?: string },
): CaseStop {
  return {
    ...fields,
    id: extra.id,
    hromadaId: hromada.id,
    version: 1,
    createdAt: extra.now,
    updatedAt: extra.now,
    starostaDistrict: fields.starostaDistrict ?? settlement.starostaDistrict,
    slotMinutes: fields.slotMinutes ?? hromada.rules.mobileCase.slotMinutes,
    location: settlement.location,
    settlementName: settlement.name,
    status: 'scheduled',
    shiftMinutes: 0,
    ...(extra.scheduleId ? { scheduleId: extra.scheduleId } : {}),
  };
}

export async function createCaseStop(
  ports: StopPorts,
  hromadaId: string,
  input: CaseStopCreate,
  actor: Actor,
): Promise<CaseStopView> {
  const hromada = await requireHromada(ports, hromadaId);
  const { settlement } = await stopPlaceAndVehicle(ports, hromadaId, input);
  const { id, ...fields } = input;
  const stop = newCaseStop(hromada, settlement, fields, {
    id: id ?? ports.ids.next(),
    now: ports.clock.now().toISOString(),
  });
  await ports.entities.commit([
    { op: 'create', entity: 'CaseStop', item: stop },
    auditChange(ports, hromada, actor, 'create', 'CaseStop', stop.id, Object.keys(input)),
  ]);
  return caseStopView(stop, [], hromada.timeZone);
}

export async function getCaseStop(ports: Pick<Ports, 'entities'>, hromadaId: string, id: string) {
  const hromada = await requireHromada(ports, hromadaId);
  const stop = await requireCaseStop(ports, hromadaId, id);
  return caseStopView(stop, await ports.entities.caseBookings.forStop(hromadaId, id), hromada.timeZone);
}

/** MC1: the calendar from `from` (default today) to `to` (default 31 days later; at most 92). */
export async function listCaseStops(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromadaId: string,
  range: { from?: string | undefined; to?: string | undefined },
) {
  const hromada = await requireHromada(ports, hromadaId);
  const from = range.from ?? localDate(ports.clock.now(), hromada.timeZone);
  const to = range.to ?? addDays(from, 31);
  if (to < from || addDays(from, 92) < to)
    throw invalid('to', 'to must be on or after from, at most 92 days later', 'до 92 днів від початку');
  return ports.entities.caseStops.between(hromadaId, from, to);
}

/**
 * A change at the version read. With bookings the opening time and the slot length stay (the
 * booked times would move under the residents), and the closing time keeps every booked slot.
 */
export async function updateCaseStop(
  ports: StopPorts,
  hromadaId: string,
  id: string,
  patch: CaseStopPatch,
  actor: Actor,
): Promise<CaseStopView> {
  const hromada = await requireHromada(ports, hromadaId);
  const stop = await requireCaseStop(ports, hromadaId, id);
  if (stop.version !== patch.version)
    throw new ConflictError(
      `CaseStop ${id} is at version ${stop.version}, not ${patch.version}`,
      stop.version,
    );
  const { version, ...fields } = patch;
  const next: CaseStop = {
    ...stop,
    ...fields,
    version: stop.version + 1,
    updatedAt: ports.clock.now().toISOString(),
  };
  if (toMinutes(next.from) >= toMinutes(next.to))
    throw invalid('to', 'the stop must close after it opens', 'зупинка має закінчуватися після початку');
  if (fields.vehicleId) await stopPlaceAndVehicle(ports, hromadaId, next);
  const bookings = await ports.entities.caseBookings.forStop(hromadaId, id);
  const moved = next.from !== stop.from || next.slotMinutes !== stop.slotMinutes;
  if (bookings.length > 0 && (moved || bookings.some((b) => b.slot >= slotCount(next))))
    throw new ConflictError(`CaseStop ${id} has bookings`, stop.version, {
      reason: 'на зупинку вже записані люди: спершу перенесіть або скасуйте їхні записи',
    });
  await ports.entities.commit([
    { op: 'update', entity: 'CaseStop', item: next, expectedVersion: stop.version },
    auditChange(ports, hromada, actor, 'update', 'CaseStop', id, Object.keys(fields)),
  ]);
  return caseStopView(next, bookings, hromada.timeZone);
}

/** Only a stop nobody booked is deleted (cancel it instead: `status: cancelled`). */
export async function deleteCaseStop(
  ports: StopPorts,
  hromadaId: string,
  id: string,
  version: number,
  actor: Actor,
): Promise<void> {
  const hromada = await requireHromada(ports, hromadaId);
  await requireCaseStop(ports, hromadaId, id);
  if ((await ports.entities.caseBookings.forStop(hromadaId, id)).length > 0)
    throw new ConflictError(`CaseStop ${id} has bookings`, undefined, {
      reason: 'на зупинку вже записані люди: скасуйте їхні записи або саму зупинку',
    });
  const changes: Change[] = [
    { op: 'delete', entity: 'CaseStop', hromadaId, id, expectedVersion: version },
    auditChange(ports, hromada, actor, 'delete', 'CaseStop', id, []),
  ];
  await ports.entities.commit(changes);
}
