/**
 * A will-call return activated: the resident phoned the dispatcher, or sent ДОДОМУ. Its pickup
 * window starts a short lead from now; the request (no longer `awaitingCall`), its audit entry,
 * the resident's one SMS with the window and any `extra` changes (the inbound record) are one
 * transaction. When the day already has a plan, the return then goes into the day under way
 * (insert-into-plan.ts: only the drivers whose stops change hear about it); if it does not fit,
 * it waits among the plan's unassigned for the dispatcher.
 */
import type { Actor } from '../../domain/actor';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { AppError, ConflictError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { isOpen } from '../../domain/request-lifecycle';
import { localDate, localTimeLabel } from '../../domain/time';
import { returnActivated } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { CheckerRefusal } from '../planning/checker-refusal';
import { insertIntoPlan } from '../planning/insert-into-plan';
import { queueSms } from '../queue-sms';
import { requireHromada } from '../registry';
import { getServiceRequest, windowText } from '../service-requests';

/** Minutes between the call and the start of the pickup window: the car needs time to get there. */
export const RETURN_LEAD_MINUTES = 20;

/** The insertion's engine budget: a phone call is waiting. */
const INSERT_TIME_LIMIT_MS = 500;

type ActivatePorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

export interface ActivatedReturn {
  request: ServiceRequest;
  /** Inserted into the day's plan (absent: the day has no plan yet, or it did not fit). */
  vehicleId?: string;
  /** The plan's version after the insertion, when there was one. */
  planVersion?: number;
}

export async function activateReturn(
  ports: ActivatePorts,
  hromadaId: string,
  id: string,
  actor: Actor,
  options: { expectedVersion?: number; extra?: Change[] } = {},
): Promise<ActivatedReturn> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await getServiceRequest(ports, hromadaId, id);
  assertActivatable(current, options.expectedVersion, localDate(ports.clock.now(), hromada.timeZone));
  const now = ports.clock.now();
  const start = roundUpTo5(now.getTime() + RETURN_LEAD_MINUTES * 60_000);
  const end = start + 2 * hromada.rules.pickupWindowMinutes * 60_000;
  const updated: ServiceRequest = {
    ...current,
    awaitingCall: false,
    requestedTime: { kind: 'pickup', time: localTimeLabel(new Date(start), hromada.timeZone) },
    window: { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  const changes: Change[] = [
    { op: 'update', entity: 'ServiceRequest', item: updated, expectedVersion: current.version },
    auditChange(ports, hromada, actor, 'edit', 'ServiceRequest', id, [
      'awaitingCall',
      'requestedTime',
      'window',
    ]),
    ...(await notice(ports, updated)),
    ...(options.extra ?? []),
  ];
  await ports.entities.commit(changes);
  return { request: updated, ...(await intoThePlan(ports, updated, actor)) };
}

function assertActivatable(
  current: ServiceRequest,
  expectedVersion: number | undefined,
  today: string,
): void {
  if (!current.awaitingCall || !isOpen(current.status)) {
    throw new ConflictError(`Request ${current.id} is not a return waiting for a call`, current.version, {
      reason: 'Це не повернення, що чекає дзвінка (або його вже активовано)',
    });
  }
  if (current.date !== today) {
    throw new ConflictError(`Request ${current.id} is for ${current.date}, not today`, current.version, {
      reason: 'Повернення можна активувати лише в день поїздки',
    });
  }
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new ConflictError(
      `Request ${current.id} was changed by someone else: read it again`,
      current.version,
    );
  }
}

/** The resident's one SMS with the window, when they agreed to SMS. */
async function notice(ports: ActivatePorts, request: ServiceRequest): Promise<Change[]> {
  const resident = await ports.entities.registry.get(
    registryKinds.residents,
    request.hromadaId,
    request.residentId,
  );
  if (!resident?.phone || !resident.smsConsent) return [];
  const hromada = await requireHromada(ports, request.hromadaId);
  return [
    queueSms(ports, hromada, {
      id: `return-${request.id}-v${request.version}`,
      kind: 'change',
      to: resident.phone,
      text: returnActivated(windowText(request)),
      subject: `REQUEST#${request.id}`,
      confidential: request.confidential,
    }),
  ];
}

/** Into the day under way when the day has a plan; a refusal leaves it for the dispatcher. */
async function intoThePlan(
  ports: ActivatePorts,
  request: ServiceRequest,
  actor: Actor,
): Promise<Omit<ActivatedReturn, 'request'>> {
  const plan = await ports.entities.plans.forDay(request.hromadaId, request.date);
  if (!plan) return {};
  try {
    const inserted = await insertIntoPlan(
      ports,
      request.hromadaId,
      request.date,
      request.id,
      plan.version,
      actor,
      {
        timeLimitMs: INSERT_TIME_LIMIT_MS,
      },
    );
    return {
      planVersion: inserted.plan.version,
      ...(inserted.vehicleId ? { vehicleId: inserted.vehicleId } : {}),
    };
  } catch (error) {
    // a plan changed meanwhile, or no route can take it now: the dispatcher inserts it by hand
    if (error instanceof AppError || error instanceof CheckerRefusal) return {};
    throw error;
  }
}

const FIVE_MIN = 5 * 60_000;
const roundUpTo5 = (ms: number) => Math.ceil(ms / FIVE_MIN) * FIVE_MIN;
