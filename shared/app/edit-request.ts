/**
 * A dispatcher edits or reschedules a request read at `version`: the time, the places, the
 * passengers, whether it is exclusive. Allowed while nobody was sent it (requested, confirmed, planned); a planned request
 * leaves its day's draft plan (withdraw-from-plan.ts: it waits among the plan's unassigned, back to
 * confirmed or requested, for the dispatcher to re-plan or insert it). The new window is computed
 * as at booking (a 400 outside the service day or hours), the resident-day guard keeps the
 * resident's other live bookings apart, and a resident who agreed to SMS is told the new window
 * when the time or a place changed. The request, its audit entry (`edit`), the guard, the plan's
 * changes and the SMS are one transaction.
 */
import type { Actor } from '../domain/actor';
import type { Hromada } from '../domain/entities/hromada';
import {
  type ServiceRequest,
  type ServiceRequestEdit,
  serviceRequestSchema,
} from '../domain/entities/service-request';
import { ConflictError } from '../domain/errors';
import { registryKinds } from '../domain/registry';
import { assertMove, EDITABLE_STATUSES, isFinal, statusFromPlan } from '../domain/request-lifecycle';
import { expiresAfterDays } from '../domain/retention';
import { requestChanged } from '../messaging/templates';
import type { Change } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';
import { applyBookingRules } from './apply-booking-rules';
import { auditChange } from './audit';
import { withdrawFromPlan } from './planning/withdraw-from-plan';
import { queueSms } from './queue-sms';
import { requireHromada } from './registry';
import { guardResidentDay } from './resident-day';
import { MAX_ATTEMPTS, pause } from './retry';
import { getServiceRequest, servableWindow, windowText } from './service-requests';
import { resolvedPlaces } from './taxi/resolve-places';

type EditPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

/** Why an edited request waits among its plan's unassigned (shown to the dispatcher). */
export const EDITED_REASON = 'змінено диспетчером: сплануйте або вставте знову';

/** The fields whose change moves the window and is told to the resident. */
const MOVING = ['requestedTime', 'pickup', 'dropoff'] as const;

/**
 * Edit the request; the edited request (the same one, unwritten, when nothing changes). A commit
 * that meets a concurrent writer (the guard or the plan moved) is tried again from fresh reads; a
 * request changed meanwhile is then a 409 with its current version.
 */
export async function editServiceRequest(
  ports: EditPorts,
  hromadaId: string,
  id: string,
  edit: ServiceRequestEdit,
  actor: Actor,
): Promise<ServiceRequest> {
  for (let n = 1; ; n++) {
    const { item, changes } = await editAttempt(ports, hromadaId, id, edit, actor);
    if (changes.length === 0) return item;
    try {
      await ports.entities.commit(changes);
      return item;
    } catch (error) {
      if (!(error instanceof ConflictError) || n >= MAX_ATTEMPTS) throw error;
      await pause(n);
    }
  }
}

async function editAttempt(
  ports: EditPorts,
  hromadaId: string,
  id: string,
  edit: ServiceRequestEdit,
  actor: Actor,
): Promise<{ item: ServiceRequest; changes: Change[] }> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await getServiceRequest(ports, hromadaId, id);
  assertEditable(current, edit.version);
  const { version, allowOverlap, passengers, ...places } = edit;
  const fields: ServiceRequest = {
    ...current,
    ...definedOnly(await resolvedPlaces(ports, current, places)),
    passengers: { ...current.passengers, ...definedOnly(passengers ?? {}) },
  };
  const changed = (['requestedTime', 'pickup', 'dropoff', 'passengers', 'exclusive'] as const).filter(
    (f) => JSON.stringify(fields[f]) !== JSON.stringify(current[f]),
  );
  if (changed.length === 0) return { item: current, changes: [] };
  const moved = MOVING.some((f) => changed.includes(f));
  const placed = moved ? await newWindow(ports, hromada, fields) : {};
  // the hromada's rules hold for the new time and riders as at booking (same-day notice, the
  // fleet's calendar, a wheelchair a car can take); no override here: cancel and book again
  if (moved || changed.includes('passengers')) await recheckRules(ports, hromada, { ...fields, ...placed });
  // off the routes: it waits for the dispatcher to plan or insert it again
  const status = statusFromPlan(current, false, 'draft');
  if (status !== current.status) assertMove(current, status, 'planner');
  const now = ports.clock.now().toISOString();
  const updated = serviceRequestSchema.parse({
    ...fields,
    ...placed,
    status,
    version: version + 1,
    updatedAt: now,
  });
  const windowMoved = JSON.stringify(updated.window) !== JSON.stringify(current.window);
  const audited = [...changed, ...(windowMoved ? ['window'] : []), ...(allowOverlap ? ['allowOverlap'] : [])];
  const changes: Change[] = [
    { op: 'update', entity: 'ServiceRequest', item: updated, expectedVersion: version },
    auditChange(ports, hromada, actor, 'edit', 'ServiceRequest', id, audited),
    ...(windowMoved ? [await guardResidentDay(ports, updated, allowOverlap, hromada.timeZone)] : []),
    ...(await withdrawFromPlan(ports, current, { reason: EDITED_REASON, actor })),
    ...(moved ? await changeNotice(ports, hromada, updated) : []),
  ];
  return { item: updated, changes };
}

/** 409 unless the request may still be edited at the version the dispatcher read. */
function assertEditable(current: ServiceRequest, version: number): void {
  const { id, status } = current;
  if (isFinal(status)) {
    throw new ConflictError(`Request ${id} is ${status}: it can no longer be edited`, current.version, {
      reason: 'Запит уже завершено або скасовано: змінити його не можна',
    });
  }
  if (!EDITABLE_STATUSES.has(status)) {
    const reason =
      status === 'on-board'
        ? 'Пасажир уже в авто: поїздку змінити не можна'
        : 'Водій уже отримав маршрут із цим запитом: скасуйте запит і створіть новий';
    throw new ConflictError(
      `Request ${id} is ${status}: its driver has it; cancel it and book again`,
      current.version,
      { reason },
    );
  }
  if (current.version !== version) {
    throw new ConflictError(`Request ${id} was changed by someone else: read it again`, current.version);
  }
}

async function recheckRules(ports: EditPorts, hromada: Hromada, request: ServiceRequest): Promise<void> {
  const resident = await ports.entities.registry.get(registryKinds.residents, hromada.id, request.residentId);
  if (!resident) return;
  const window = { startMs: Date.parse(request.window.start), endMs: Date.parse(request.window.end) };
  await applyBookingRules(ports, {
    hromada,
    resident,
    request: { ...request, window },
    admin: false,
    editing: request.id,
  });
}

/** The window computed as at booking (a 400 when unservable; a 409 when already over). */
async function newWindow(ports: EditPorts, hromada: Hromada, fields: ServiceRequest) {
  const { requested, window } = await servableWindow(ports, hromada, fields);
  if (window.endMs < ports.clock.now().getTime()) {
    throw new ConflictError('The requested time has already passed', fields.version);
  }
  return {
    window: { start: new Date(window.startMs).toISOString(), end: new Date(window.endMs).toISOString() },
    expiresAt: expiresAfterDays(requested, hromada.rules.retentionDays.requests),
  };
}

/** The resident's one-segment notice of the new window, when they agreed to SMS. */
async function changeNotice(ports: EditPorts, hromada: Hromada, request: ServiceRequest): Promise<Change[]> {
  const resident = await ports.entities.registry.get(
    registryKinds.residents,
    request.hromadaId,
    request.residentId,
  );
  if (!resident?.phone || !resident.smsConsent) return [];
  return [
    queueSms(ports, hromada, {
      id: `edit-${request.id}-v${request.version}`,
      kind: 'change',
      to: resident.phone,
      text: requestChanged(windowText(request)),
      subject: `REQUEST#${request.id}`,
      confidential: request.confidential,
      tripStart: request.window.start,
    }),
  ];
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
