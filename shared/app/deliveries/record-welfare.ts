/**
 * A welfare outcome at the door (nobody answers, unwell, needs help), from the driver's reply or the
 * dispatcher: recorded on the request, and a follow-up task opened for the resident's social
 * worker, with one short SMS to the worker. The request's change, the task, both audit entries,
 * the SMS and any `extra` change (the driver's inbound record) are one transaction.
 */
import type { Actor } from '../../domain/actor';
import { WELFARE_WORDS, type WelfareOutcome } from '../../domain/entities/delivery';
import type { FollowUp } from '../../domain/entities/follow-up';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { canMove } from '../../domain/request-lifecycle';
import { localDayLabel } from '../../domain/time';
import { followUpSms } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { queueSms } from '../queue-sms';
import { requireHromada } from '../registry';
import { getServiceRequest } from '../service-requests';
import { type DeliveryAlert, deliveryAlertItem, welfareAlert } from './delivery-alerts';

export interface WelfareInput {
  hromadaId: string;
  requestId: string;
  /** The request's version the reporter saw. */
  version: number;
  outcome: WelfareOutcome;
  note?: string;
  by: 'driver' | 'dispatcher';
}

export interface WelfareResult {
  request: ServiceRequest;
  followUp: FollowUp;
  /** The dispatcher's alert (delivery-alerts.ts), for the alerts list. */
  alert: DeliveryAlert;
}

export async function recordWelfare(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  input: WelfareInput,
  actor: Actor,
  extra: Change[] = [],
): Promise<WelfareResult> {
  const hromada = await requireHromada(ports, input.hromadaId);
  const current = await getServiceRequest(ports, input.hromadaId, input.requestId);
  if (current.version !== input.version) {
    throw new ConflictError(`ServiceRequest ${current.id} was changed by someone else`, current.version);
  }
  if (current.status === 'cancelled') throw new ConflictError('The request was cancelled', current.version);
  if (current.welfare) {
    throw new ConflictError('A welfare outcome is already recorded for this request', current.version);
  }
  const resident = await ports.entities.registry.get(registryKinds.residents, hromada.id, current.residentId);
  if (!resident) throw new NotFoundError('Resident', current.residentId);

  const now = ports.clock.now().toISOString();
  const worker = resident.socialWorker;
  const followUp: FollowUp = {
    id: ports.ids.next(),
    hromadaId: hromada.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    requestId: current.id,
    residentId: resident.id,
    date: current.date,
    outcome: input.outcome,
    ...(input.note ? { note: input.note } : {}),
    ...(worker ? { worker } : {}),
    open: true,
    expiresAt: current.expiresAt,
  };
  // nobody at the door: the delivery was not handed over (a no-show, where the lifecycle allows)
  const noShow = input.outcome === 'no-answer' && canMove(current.status, 'no-show', input.by);
  const updated: ServiceRequest = {
    ...current,
    ...(noShow ? { status: 'no-show' as const } : {}),
    welfare: {
      outcome: input.outcome,
      ...(input.note ? { note: input.note } : {}),
      by: input.by,
      at: now,
      followUpId: followUp.id,
    },
    version: current.version + 1,
    updatedAt: now,
  };
  const changes: Change[] = [
    { op: 'update', entity: 'ServiceRequest', item: updated, expectedVersion: current.version },
    auditChange(ports, hromada, actor, 'welfare', 'ServiceRequest', current.id, [
      'welfare',
      ...(noShow ? ['status'] : []),
    ]),
    { op: 'create', entity: 'FollowUp', item: followUp },
    auditChange(ports, hromada, actor, 'create', 'FollowUp', followUp.id, Object.keys(followUp)),
  ];
  if (worker) {
    const text = followUpSms({
      name: resident.name,
      address: current.confidential ? undefined : current.pickup.address,
      outcome: WELFARE_WORDS[input.outcome],
      day: localDayLabel(new Date(current.window.start), hromada.timeZone),
    });
    changes.push(
      queueSms(ports, hromada, {
        id: `followup-${followUp.id}`,
        kind: 'follow-up',
        to: worker.phone,
        text,
        subject: `REQUEST#${current.id}`,
        confidential: current.confidential,
      }),
    );
  }
  // the dispatcher's alert, per the alerts contract: its item belongs in this same commit
  const alert = welfareAlert({
    hromadaId: hromada.id,
    date: current.date,
    at: now,
    requestId: current.id,
    outcome: input.outcome,
    residentName: resident.name,
    worker: worker?.name,
  });
  await ports.entities.commit([...changes, deliveryAlertItem(ports, hromada, alert), ...extra]);
  return { request: updated, followUp, alert };
}
