/**
 * A driver's reply at a delivery's door: the receiver's code (`3 КОД 1234`), a plain `3 OK` on a
 * delivery with a handover rule, or a welfare report (`3 НЕМА`, `3 ПОГАНО`, `3 ДОПОМОГА`). Each is
 * one transaction with the driver's inbound record and any short SMS back to the driver. A wrong
 * code is counted on the request; the third blocks the code and raises the dispatcher's alert.
 */
import type { Actor } from '../../domain/actor';
import { MAX_WRONG_CODES } from '../../domain/entities/delivery';
import type { Driver } from '../../domain/entities/driver';
import type { Hromada } from '../../domain/entities/hromada';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { registryKinds } from '../../domain/registry';
import { canMove } from '../../domain/request-lifecycle';
import type { DeliveryReply } from '../../messaging/delivery-replies';
import { handoverCodeAccepted, handoverCodeNeeded, handoverCodeWrong } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { codeBlockedAlert, type DeliveryAlert, deliveryAlertItem } from './delivery-alerts';
import { codeMatches } from './handover-code';
import { recordWelfare } from './record-welfare';

type DoorPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/** The stop the driver named on today's published route, as handle-inbound-sms.ts found it. */
export interface DoorStop {
  n: number;
  vehicleId: string;
  request: ServiceRequest;
}

export interface DoorContext {
  hromada: Hromada;
  driver: Driver;
  stop: DoorStop;
  actor: Actor;
  /** The inbound record of the driver's SMS (written with the change). */
  record: (outcome: InboundSms['outcome'], subject?: string) => Change;
  /** A short SMS back to the driver. */
  reply: (text: string, suffix: string) => Change;
}

export interface DoorResult {
  outcome: InboundSms['outcome'];
  /** The dispatcher's alert this reply raised (delivery-alerts.ts). */
  alert?: DeliveryAlert;
}

/** `3 КОД 1234`, `3 OK` on a delivery with a handover rule, or a welfare word. */
export async function driverAtTheDoor(
  ports: DoorPorts,
  ctx: DoorContext,
  reply: DeliveryReply | { kind: 'done' },
): Promise<DoorResult> {
  const { request } = ctx.stop;
  const subject = `REQUEST#${request.id}`;
  if (reply.kind === 'welfare' && (request.welfare || request.status === 'cancelled')) {
    // already reported (or nothing to report on): logged for the dispatcher only
    await ports.entities.commit([ctx.record('driver-report', subject)]);
    return { outcome: 'driver-report' };
  }
  if (reply.kind === 'welfare') {
    const result = await recordWelfare(
      ports,
      {
        hromadaId: ctx.hromada.id,
        requestId: request.id,
        version: request.version,
        outcome: reply.outcome,
        by: 'driver',
      },
      ctx.actor,
      [ctx.record('welfare-reported', subject)],
    );
    return { outcome: 'welfare-reported', alert: result.alert };
  }
  if (request.serviceType !== 'delivery' || !canMove(request.status, 'done', 'driver')) {
    await ports.entities.commit([ctx.record('driver-report', subject)]);
    return { outcome: 'driver-report' };
  }
  const codeNeeded = request.handoverCode !== undefined && ctx.hromada.rules.deliveryCodeRequired;
  if (!codeNeeded) return handOver(ports, ctx, 'driver');
  if (reply.kind === 'done') {
    await ports.entities.commit([
      ctx.record('code-refused', subject),
      ctx.reply(handoverCodeNeeded(ctx.stop.n), 'need-code'),
    ]);
    return { outcome: 'code-refused' };
  }
  const tries = request.handoverCode!.wrongTries;
  if (tries < MAX_WRONG_CODES && codeMatches(request, reply.code)) return handOver(ports, ctx, 'code');
  return wrongCode(ports, ctx, tries);
}

/** The parcel handed over: done, with who received it and how that was proved. */
async function handOver(ports: DoorPorts, ctx: DoorContext, proof: 'code' | 'driver'): Promise<DoorResult> {
  const { request } = ctx.stop;
  const now = ports.clock.now().toISOString();
  const trusted = request.handover?.mode === 'trusted';
  const resident = trusted
    ? undefined
    : await ports.entities.registry.get(registryKinds.residents, ctx.hromada.id, request.residentId);
  const name = trusted ? request.handover?.trustedName : resident?.name;
  const updated: ServiceRequest = {
    ...request,
    status: 'done',
    handedOver: {
      receivedBy: trusted ? 'trusted' : 'resident',
      ...(name ? { name } : {}),
      proof,
      at: now,
    },
    version: request.version + 1,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'update', entity: 'ServiceRequest', item: updated, expectedVersion: request.version },
    auditChange(ports, ctx.hromada, ctx.actor, 'outcome', 'ServiceRequest', request.id, [
      'status',
      'handedOver',
    ]),
    ctx.record('stop-done', `REQUEST#${request.id}`),
    ...(proof === 'code' ? [ctx.reply(handoverCodeAccepted(ctx.stop.n), 'code-ok')] : []),
  ]);
  return { outcome: 'stop-done' };
}

/** A wrong code (or any code once blocked): counted, the driver told; the third raises an alert. */
async function wrongCode(ports: DoorPorts, ctx: DoorContext, tries: number): Promise<DoorResult> {
  const { request } = ctx.stop;
  const subject = `REQUEST#${request.id}`;
  if (tries >= MAX_WRONG_CODES) {
    await ports.entities.commit([
      ctx.record('code-refused', subject),
      ctx.reply(handoverCodeWrong(ctx.stop.n, 0), 'code'),
    ]);
    return { outcome: 'code-refused' };
  }
  const now = ports.clock.now().toISOString();
  const blocks = tries + 1 >= MAX_WRONG_CODES;
  // the third wrong code: the dispatcher's alert, per the alerts contract (its item belongs in this commit)
  const alert = blocks
    ? codeBlockedAlert({
        hromadaId: ctx.hromada.id,
        date: request.date,
        at: now,
        requestId: request.id,
        stop: ctx.stop.n,
        vehicleId: ctx.stop.vehicleId,
        driverPhone: ctx.driver.phone,
      })
    : undefined;
  const updated: ServiceRequest = {
    ...request,
    handoverCode: { ...request.handoverCode!, wrongTries: tries + 1 },
    version: request.version + 1,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'update', entity: 'ServiceRequest', item: updated, expectedVersion: request.version },
    auditChange(ports, ctx.hromada, ctx.actor, 'update', 'ServiceRequest', request.id, [
      'handoverCode.wrongTries',
    ]),
    ctx.record('code-refused', subject),
    ctx.reply(handoverCodeWrong(ctx.stop.n, MAX_WRONG_CODES - tries - 1), 'code'),
    ...(alert ? [deliveryAlertItem(ports, ctx.hromada, alert)] : []),
  ]);
  return { outcome: 'code-refused', ...(alert ? { alert } : {}) };
}
