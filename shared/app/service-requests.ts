import type { Actor } from '../domain/actor';
import { cancelKindOf } from '../domain/booking-rules';
import type { Hromada } from '../domain/entities/hromada';
import type { RequestStatus, ServiceRequest, ServiceRequestCreate } from '../domain/entities/service-request';
import { NotFoundError, ValidationError } from '../domain/errors';
import { pickupWindow } from '../domain/pickup-window';
import { registryKinds } from '../domain/registry';
import { counted } from '../domain/report-day';
import { assertMove, canMove, type LifecycleActor, ROUTED_STATUSES } from '../domain/request-lifecycle';
import { unservable } from '../domain/service-day';
import { localDayLabel, localTimeLabel, localToUtc } from '../domain/time';
import { bookingConfirmation, cancellation, confirmedReply, type WindowText } from '../messaging/templates';
import type { Change } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';
import { applyBookingRules } from './apply-booking-rules';
import { auditChange } from './audit';
import { handedOverByDispatcher } from './deliveries/handed-over';
import { handoverAtBooking } from './deliveries/handover-code';
import { askFeedback } from './feedback/ask-feedback';
import { type CreateAttempt, type Created, createOnce, type IdempotencyScope } from './idempotency';
import { checkHomeVisit } from './mobile-case/check-home-visit';
import { withdrawFromPlan } from './planning/withdraw-from-plan';
import { queueSms } from './queue-sms';
import { requireHromada } from './registry';
import { guardResidentDay } from './resident-day';
import { cancelLinkedReturn } from './taxi/cancel-linked-return';
import { prepareTrip } from './taxi/prepare-trip';
import { returnChanges } from './taxi/return-changes';

type BookingPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

/** A booking as answered: the request, and the rules' warnings for the dispatcher (Ukrainian). */
export type Booked = ServiceRequest & { warnings?: string[] };

/** Who books: only an admin may override the hromada's rules. */
export interface BookingCaller {
  admin?: boolean;
}

export function windowText(request: ServiceRequest): WindowText {
  const start = new Date(request.window.start);
  return {
    service: request.serviceType,
    confidential: request.confidential,
    day: localDayLabel(start),
    from: localTimeLabel(start),
    to: localTimeLabel(new Date(request.window.end)),
  };
}

/**
 * A dispatcher books a request taken by phone. The request, its audit entry, the resident's
 * confirmation SMS (when they consented), the resident-day guard (no overlapping live bookings)
 * and the Idempotency-Key's record (when sent) are written in one transaction: all or none.
 * A booking that cannot be served on its day (outside the day or the service hours) is a 400.
 */
export async function bookServiceRequest(
  ports: BookingPorts,
  hromadaId: string,
  input: ServiceRequestCreate,
  actor: Actor,
  caller: BookingCaller = {},
): Promise<Booked> {
  return (await bookServiceRequestOnce(ports, hromadaId, input, actor, undefined, caller)).item;
}

/** `bookServiceRequest` with an optional Idempotency-Key: a retry gets the first answer. */
export async function bookServiceRequestOnce(
  ports: BookingPorts,
  hromadaId: string,
  input: ServiceRequestCreate,
  actor: Actor,
  scope?: IdempotencyScope,
  caller: BookingCaller = {},
): Promise<Created<Booked>> {
  const spec = { operation: 'POST /hromady/{h}/requests', itemType: 'ServiceRequest', input, scope };
  return createOnce(ports, { ...spec, retryOnConflict: true }, () =>
    bookingAttempt(ports, { hromadaId, input, actor, admin: caller.admin === true }),
  );
}

/**
 * The window agreed for a request (see pickup-window.ts), or a 400 with the reason when it cannot
 * be served on its day: outside the local service day or the hromada's service hours.
 */
export async function servableWindow(
  ports: Pick<Ports, 'travel'>,
  hromada: Hromada,
  fields: Pick<ServiceRequest, 'date' | 'requestedTime' | 'pickup' | 'dropoff'>,
) {
  const requested = localToUtc(fields.date, fields.requestedTime.time, hromada.timeZone);
  let directRideS: number | undefined;
  if (fields.dropoff) {
    const matrix = await ports.travel.matrix(
      [fields.pickup.location, fields.dropoff.location],
      'driving-car',
    );
    directRideS = matrix.durations[0]![1]!;
  }
  const ride = directRideS === undefined ? {} : { directRideS };
  const kind = fields.requestedTime.kind;
  const window = pickupWindow(hromada.rules, { kind, requestedMs: requested.getTime(), ...ride });
  const refusal = unservable(hromada.rules, {
    date: fields.date,
    timeZone: hromada.timeZone,
    kind,
    requestedMs: requested.getTime(),
    window,
    ...ride,
  });
  if (refusal) {
    throw new ValidationError(refusal.message, [{ path: refusal.path, message: refusal.message }], {
      reason: refusal.reason,
    });
  }
  return { requested, window };
}

/** One attempt at a booking: everything read afresh, the changes to commit together. */
async function bookingAttempt(
  ports: BookingPorts,
  {
    hromadaId,
    input,
    actor,
    admin,
  }: { hromadaId: string; input: ServiceRequestCreate; actor: Actor; admin: boolean },
): Promise<CreateAttempt<Booked>> {
  const { allowOverlap, override, confirm, ...fields } = input;
  const hromada = await requireHromada(ports, hromadaId);
  const resident = await ports.entities.registry.get(registryKinds.residents, hromadaId, fields.residentId);
  if (!resident) throw new NotFoundError('Resident', fields.residentId);
  await checkHomeVisit(ports, hromadaId, fields);

  const id = ports.ids.next();
  // places resolved, riders from the resident's mobility by default, the linked return (taxi/)
  const { request: trip, back } = await prepareTrip(ports, hromada, resident, fields, { id });
  const now = ports.clock.now();
  const rules = await applyBookingRules(ports, {
    hromada,
    resident,
    request: {
      ...trip,
      window: { startMs: Date.parse(trip.window.start), endMs: Date.parse(trip.window.end) },
    },
    admin,
    ...(override ? { override } : {}),
  });
  const confirmed = confirm && !rules.confirmFirst;
  const booked: ServiceRequest = confirmed
    ? { ...trip, status: 'confirmed', confirmedAt: now.toISOString() }
    : trip;
  // a delivery's one-time handover code and its SMS (deliveries/handover-code.ts)
  const { request: built, changes: handover } = handoverAtBooking(ports, hromada, resident, booked);
  // marked with the day it counts in (RP1), so what is returned is what is stored
  const request = counted(built, resident.settlementId);
  const audited = allowOverlap ? [...Object.keys(fields), 'allowOverlap'] : Object.keys(fields);
  const audit = auditChange(ports, hromada, actor, 'book', 'ServiceRequest', id, audited);
  if (rules.override) audit.entry.override = rules.override;
  const changes: Change[] = [
    { op: 'create', entity: 'ServiceRequest', item: request },
    audit,
    await guardResidentDay(
      ports,
      back?.awaitingCall ? request : [request, ...(back ? [back] : [])],
      allowOverlap,
      hromada.timeZone,
    ),
    ...handover,
    ...(back ? returnChanges(ports, hromada, actor, back) : []),
  ];
  if (resident.phone && resident.smsConsent) {
    const text = bookingConfirmation(windowText(request));
    changes.push(
      queueSms(ports, hromada, {
        id: `book-${id}`,
        kind: 'booking-confirmation',
        to: resident.phone,
        text,
        subject: `REQUEST#${id}`,
        confidential: request.confidential,
        tripStart: request.window.start,
      }),
    );
  }
  const warnings = [...rules.warnings, ...(rules.confirmFirst ? [rules.confirmFirst] : [])];
  return { item: warnings.length > 0 ? { ...request, warnings } : request, changes };
}

export async function getServiceRequest(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  id: string,
): Promise<ServiceRequest> {
  const found = await ports.entities.requests.get(hromadaId, id);
  if (!found) throw new NotFoundError('ServiceRequest', id);
  return found;
}

/** The request read for a status change: the move checked against the lifecycle, its next version. */
async function nextStatus(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromadaId: string,
  id: string,
  move: { expectedVersion: number; to: RequestStatus; by: LifecycleActor },
) {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await getServiceRequest(ports, hromadaId, id);
  const now = ports.clock.now().toISOString();
  const confirming = move.to === 'confirmed';
  // a confirmation after planning keeps the status the plan gave it: only `confirmedAt` is new
  const stays = confirming && current.status !== 'requested' && canConfirm(current.status);
  if (!stays) assertMove(current, move.to, move.by);
  const updated: ServiceRequest = {
    ...current,
    status: stays ? current.status : move.to,
    ...(confirming ? { confirmedAt: now } : {}),
    ...(pickedUpNow(current, move.to) ? { pickedUpAt: now } : {}),
    version: move.expectedVersion + 1,
    updatedAt: now,
  };
  return { hromada, current, updated };
}

/**
 * The actual pickup time (on-time report): a ride's on-board, or a visit's or delivery's done (the
 * driver's report at the door). A ride marked done without on-board has no pickup time: its done
 * is the drop-off.
 */
function pickedUpNow(current: ServiceRequest, to: RequestStatus): boolean {
  if (current.pickedUpAt) return false;
  return to === 'on-board' || (to === 'done' && current.serviceType !== 'social-taxi');
}

/** Still waiting for its ride or visit: a confirmation (ТАК) means something. */
const canConfirm = (status: RequestStatus) => canMove(status, 'cancelled', 'resident');

/**
 * Confirm or cancel a request (by the dispatcher, or by the resident's ТАК / НІ) that the caller
 * read at `expectedVersion`: the status, its audit entry, the resident's SMS and any `extra`
 * changes (e.g. the inbound SMS that asked for it) are one transaction. A cancelled request on a
 * route leaves the plan in the same transaction (withdraw-from-plan.ts): when the plan is
 * published, only its driver gets the new route.
 */
export async function changeRequestStatus(
  ports: BookingPorts,
  hromadaId: string,
  id: string,
  expectedVersion: number,
  next: 'confirmed' | 'cancelled',
  actor: Actor,
  extra: Change[],
  by: 'dispatcher' | 'resident',
  options: { keepReturn?: boolean } = {},
): Promise<ServiceRequest> {
  const move = { expectedVersion, to: next, by };
  const { hromada, current, updated } = await nextStatus(ports, hromadaId, id, move);
  const cancel = next === 'cancelled';
  if (cancel) {
    updated.cancelKind = cancelKindOf(current.window.start, ports.clock.now(), hromada.rules.lateCancelHours);
  }
  const changes: Change[] = [
    { op: 'update', entity: 'ServiceRequest', item: updated, expectedVersion },
    auditChange(ports, hromada, actor, cancel ? 'cancel' : 'confirm', 'ServiceRequest', id, [
      'status',
      ...(cancel ? ['cancelKind'] : ['confirmedAt']),
    ]),
    ...(cancel && ROUTED_STATUSES.has(current.status)
      ? await withdrawFromPlan(ports, current, { actor })
      : []),
    // its linked return goes with it unless kept (taxi/cancel-linked-return.ts)
    ...(cancel ? await cancelLinkedReturn(ports, hromada, current, actor, options.keepReturn ?? false) : []),
  ];
  const resident = await ports.entities.registry.get(registryKinds.residents, hromadaId, current.residentId);
  if (resident?.phone && resident.smsConsent) {
    changes.push(
      queueSms(ports, hromada, {
        id: `${cancel ? 'cancel' : 'confirm'}-${id}-v${updated.version}`,
        kind: cancel ? 'cancellation' : 'change',
        to: resident.phone,
        text: cancel ? cancellation(windowText(current)) : confirmedReply(windowText(current)),
        subject: `REQUEST#${id}`,
        confidential: current.confidential,
        tripStart: current.window.start,
        urgent: by === 'resident', // the answer to the resident's own ТАК / НІ or key press
      }),
    );
  }
  await ports.entities.commit([...changes, ...extra]);
  return updated;
}

/**
 * What happened: the rider was picked up (on board), the ride or visit was done, or the resident
 * was not there. Reported by the driver (`2 OK`, `1 NS`) or by the dispatcher, each move as the
 * lifecycle allows; the status, its audit entry and any `extra` changes (the driver's SMS) are one
 * transaction.
 */
export async function recordOutcome(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromadaId: string,
  id: string,
  expectedVersion: number,
  outcome: 'on-board' | 'done' | 'no-show',
  actor: Actor,
  extra: Change[],
  by: 'dispatcher' | 'driver',
): Promise<ServiceRequest> {
  const move = { expectedVersion, to: outcome, by };
  const { hromada, updated: moved } = await nextStatus(ports, hromadaId, id, move);
  // a delivery with a handover rule done by the dispatcher records who received it (deliveries/)
  const next = by === 'dispatcher' ? handedOverByDispatcher(moved, moved.updatedAt) : moved;
  // done: the resident is asked for a rating, once (feedback/ask-feedback.ts)
  const { request: updated, changes: asked } = await askFeedback(ports, hromada, next);
  await ports.entities.commit([
    { op: 'update', entity: 'ServiceRequest', item: updated, expectedVersion },
    auditChange(ports, hromada, actor, 'outcome', 'ServiceRequest', id, [
      'status',
      ...(updated.handedOver && !moved.handedOver ? ['handedOver'] : []),
      ...(asked.length > 0 ? ['feedbackAskedAt'] : []),
    ]),
    ...asked,
    ...extra,
  ]);
  return updated;
}

export async function listServiceRequestsByDate(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  date: string,
): Promise<ServiceRequest[]> {
  await requireHromada(ports, hromadaId);
  return ports.entities.requests.forDay(hromadaId, date);
}
