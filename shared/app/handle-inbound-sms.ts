import type { Driver } from '../domain/entities/driver';
import type { Hromada } from '../domain/entities/hromada';
import type { InboundSms } from '../domain/entities/inbound-sms';
import type { Plan } from '../domain/entities/plan';
import type { ServiceRequest } from '../domain/entities/service-request';
import { ConflictError } from '../domain/errors';
import { maskPhone, normalisePhone } from '../domain/phone';
import { canMove } from '../domain/request-lifecycle';
import { expiresAfterDays } from '../domain/retention';
import { localDate } from '../domain/time';
import { parseCaseReply } from '../messaging/case-replies';
import { withoutHandoverCode } from '../messaging/delivery-replies';
import { type InboundCommand, parseInboundCommand } from '../messaging/inbound-commands';
import { helpReply, nothingToActOnReply, optInReply, optOutReply } from '../messaging/templates';
import type { Change } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';
import { replyAlerts } from './alerts/reply-alerts';
import { auditChange } from './audit';
import type { DeliveryAlert } from './deliveries/delivery-alerts';
import { type DoorContext, type DoorStop, driverAtTheDoor } from './deliveries/driver-at-the-door';
import { handleFeedbackReply } from './feedback/handle-feedback-reply';
import { findSender, nextTrip } from './find-sender';
import { handleCaseReply } from './mobile-case/handle-case-reply';
import { nearAfterReport } from './notices/near-notice';
import { queueSms } from './queue-sms';
import { changeRequestStatus, recordOutcome } from './service-requests';
import { homeReply } from './taxi/home-reply';

export interface ReceivedSms {
  /** The carrier's id: the same message delivered twice is acted on once. */
  inboundMessageId: string;
  originationNumber: string;
  destinationNumber: string;
  messageBody: string;
}

export type InboundResult = {
  outcome: InboundSms['outcome'] | 'duplicate' | 'unknown-sender';
  hromadaId?: string;
  /** A dispatcher's alert a delivery reply raised (deliveries/delivery-alerts.ts). */
  alert?: DeliveryAlert;
};

type InboundPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

const HELP_WINDOW_S = 3600;

/**
 * A reply by SMS: ТАК confirms and НІ cancels the sender's next trip, СТОП/СТАРТ switch their SMS
 * off and on, a driver's `2 OK` / `1 NS` records the outcome of that stop of today's published
 * route (anything it cannot apply is logged for the dispatcher), anything else gets a short help
 * text at most once an hour. Every action and its record are one transaction, keyed by the
 * carrier's message id, so a message delivered twice is acted on once.
 */
export async function handleInboundSms(ports: InboundPorts, sms: ReceivedSms): Promise<InboundResult> {
  if (await ports.entities.inbound.get(sms.inboundMessageId)) return { outcome: 'duplicate' };
  const phone = normalisePhone(sms.originationNumber);
  if (!phone.ok) return { outcome: 'unknown-sender' };
  const sender = await findSender(ports, phone.e164, sms.destinationNumber);
  if (!sender) return { outcome: 'unknown-sender' };

  const caseReply = parseCaseReply(sms.messageBody);
  if (caseReply) return handleCaseReplyOnce(ports, sms, sender, phone.e164, caseReply);
  const command = parseInboundCommand(sms.messageBody);
  const now = ports.clock.now();
  const record = (outcome: InboundSms['outcome'], subject?: string): Change => ({
    op: 'inbound',
    record: {
      id: sms.inboundMessageId,
      hromadaId: sender.hromada.id,
      receivedAt: now.toISOString(),
      from: phone.e164,
      // a handover code is kept out of the log (delivery-replies.ts)
      text: withoutHandoverCode(command, sms.messageBody).slice(0, 1600),
      command: describe(command),
      outcome,
      ...(subject ? { subject } : {}),
      expiresAt: expiresAfterDays(now, sender.hromada.rules.retentionDays.messages),
    },
  });
  const actor = `sms:${maskPhone(phone.e164)}`;
  const reply = (kind: 'change' | 'help', text: string, suffix: string) =>
    queueSms(ports, sender.hromada, {
      id: `${suffix}-${sms.inboundMessageId}`,
      kind,
      to: phone.e164,
      text,
      subject: 'INBOUND',
      confidential: sender.resident?.confidential ?? false,
      urgent: true, // the resident just wrote: the answer goes at once, even in quiet hours
    });
  /** What a delivery reply at the door needs (deliveries/driver-at-the-door.ts). */
  const door = (driver: Driver, stop: DoorStop): DoorContext => ({
    hromada: sender.hromada,
    driver,
    stop,
    actor,
    record,
    reply: (text, suffix) => reply('change', text, suffix),
  });

  const alerts = replyAlerts(ports, {
    hromada: sender.hromada,
    inboundMessageId: sms.inboundMessageId,
    phone: phone.e164,
    text: sms.messageBody,
  });

  try {
    const feedback = sender.resident
      ? await handleFeedbackReply(ports, {
          hromada: sender.hromada,
          resident: sender.resident,
          inboundMessageId: sms.inboundMessageId,
          text: sms.messageBody,
          command,
          actor,
          record,
          reply,
        })
      : undefined;
    if (feedback) return { outcome: feedback, hromadaId: sender.hromada.id };
    switch (command.kind) {
      case 'confirm':
      case 'cancel': {
        const next = sender.resident ? await nextTrip(ports, sender.hromada, sender.resident) : undefined;
        if (!next || !sender.resident) {
          await ports.entities.commit([
            record('nothing-to-act-on'),
            reply('change', nothingToActOnReply(), 'none'),
          ]);
          return { outcome: 'nothing-to-act-on', hromadaId: sender.hromada.id };
        }
        const outcome = command.kind === 'confirm' ? 'confirmed' : 'cancelled';
        await changeRequestStatus(
          ports,
          sender.hromada.id,
          next.id,
          next.version,
          outcome,
          actor,
          [
            record(outcome, `REQUEST#${next.id}`),
            ...(outcome === 'cancelled' && next.status !== 'dispatched' ? [alerts.cancelled(next)] : []),
          ],
          'resident',
        );
        return { outcome, hromadaId: sender.hromada.id };
      }
      case 'stop':
      case 'start': {
        const consent = command.kind === 'start';
        const outcome = consent ? 'opted-in' : 'opted-out';
        const changes: Change[] = [record(outcome)];
        if (sender.resident && sender.resident.smsConsent !== consent) {
          changes.push(
            {
              op: 'update',
              entity: 'Resident',
              item: {
                ...sender.resident,
                smsConsent: consent,
                version: sender.resident.version + 1,
                updatedAt: now.toISOString(),
              },
              expectedVersion: sender.resident.version,
            },
            auditChange(ports, sender.hromada, actor, 'update', 'Resident', sender.resident.id, [
              'smsConsent',
            ]),
          );
        }
        changes.push(reply('change', consent ? optInReply() : optOutReply(), outcome));
        if (!consent && sender.resident) changes.push(alerts.optedOut());
        await ports.entities.commit(changes);
        return { outcome, hromadaId: sender.hromada.id };
      }
      case 'driver': {
        const target = sender.driver
          ? await driverStop(ports, sender.hromada, sender.driver, command.stop)
          : undefined;
        const outcome = target ? stopOutcome(target.kind, command.outcome) : undefined;
        // a delivery with a handover rule: the code, or who received it (deliveries/)
        if (target?.request.handover && sender.driver && outcome === 'done')
          return await atTheDoor(ports, door(sender.driver, target), { kind: 'done' });
        if (!target || !outcome || !canMove(target.request.status, outcome, 'driver')) {
          // Not something to apply (a problem `?`, no such stop, a move the lifecycle refuses):
          // the inbound log shows it to the dispatcher.
          const subject = target ? `REQUEST#${target.request.id}` : undefined;
          const problem =
            command.outcome === 'problem' ? [alerts.driverProblem(command.stop, target?.request)] : [];
          await ports.entities.commit([record('driver-report', subject), ...problem]);
          return { outcome: 'driver-report', hromadaId: sender.hromada.id };
        }
        const logged = LOGGED[outcome];
        await recordOutcome(
          ports,
          sender.hromada.id,
          target.request.id,
          target.request.version,
          outcome,
          actor,
          [
            record(logged, `REQUEST#${target.request.id}`),
            ...(outcome === 'no-show' ? [alerts.noShow(target.request)] : []),
          ],
          'driver',
        );
        // the car moves on: the next pickup or visit hears it is near (once; the clock may be first)
        if (sender.driver) {
          await nearAfterReport(ports, sender.hromada, target.plan, sender.driver.vehicleIds, command.stop);
        }
        return { outcome: logged, hromadaId: sender.hromada.id };
      }
      case 'handover-code':
      case 'welfare': {
        const target = sender.driver
          ? await driverStop(ports, sender.hromada, sender.driver, command.stop)
          : undefined;
        if (!target || !sender.driver) {
          await ports.entities.commit([record('driver-report')]);
          return { outcome: 'driver-report', hromadaId: sender.hromada.id };
        }
        return await atTheDoor(ports, door(sender.driver, target), command);
      }
      case 'home':
        return await homeReply(ports, {
          hromada: sender.hromada,
          resident: sender.resident,
          actor,
          record,
          reply,
        });
      case 'unknown':
        return await helpOnce(ports, sms, phone.e164, sender.hromada, record, reply);
    }
  } catch (error) {
    // A second delivery racing the first: the first one's record is there now.
    if (error instanceof ConflictError && (await ports.entities.inbound.get(sms.inboundMessageId))) {
      return { outcome: 'duplicate' };
    }
    throw error;
  }
}

async function helpOnce(
  ports: InboundPorts,
  sms: ReceivedSms,
  e164: string,
  hromada: Hromada,
  record: (o: InboundSms['outcome']) => Change,
  reply: (kind: 'help', text: string, suffix: string) => Change,
): Promise<InboundResult> {
  const nowS = Math.floor(ports.clock.now().getTime() / 1000);
  try {
    await ports.entities.commit([
      record('help-sent'),
      { op: 'once', key: `HELP#${e164}`, nowS, untilS: nowS + HELP_WINDOW_S },
      reply('help', helpReply(), 'help'),
    ]);
    return { outcome: 'help-sent', hromadaId: hromada.id };
  } catch (error) {
    if (!(error instanceof ConflictError) || (await ports.entities.inbound.get(sms.inboundMessageId)))
      throw error;
    // Help was sent within the hour: just keep the message for the dispatcher.
    await ports.entities.commit([record('ignored')]);
    return { outcome: 'ignored', hromadaId: hromada.id };
  }
}

/** A delivery reply at the door, and its outcome for the inbound log. */
async function atTheDoor(
  ports: InboundPorts,
  ctx: DoorContext,
  reply: Parameters<typeof driverAtTheDoor>[2],
): Promise<InboundResult> {
  const { outcome, alert } = await driverAtTheDoor(ports, ctx, reply);
  return { outcome, hromadaId: ctx.hromada.id, ...(alert ? { alert } : {}) };
}

/** Stop `n` (1-based) of the driver's route in today's published plan, with its request. */
async function driverStop(
  ports: InboundPorts,
  hromada: Hromada,
  driver: Driver,
  n: number,
): Promise<
  ({ kind: 'pickup' | 'dropoff' | 'visit'; request: ServiceRequest; plan: Plan } & DoorStop) | undefined
> {
  const today = localDate(ports.clock.now(), hromada.timeZone);
  const plan = await ports.entities.plans.forDay(hromada.id, today);
  if (plan?.status !== 'published') return undefined;
  const route = plan.routes.find((r) => driver.vehicleIds.includes(r.vehicleId));
  const stop = route?.stops[n - 1];
  if (!route || !stop) return undefined;
  const request = await ports.entities.requests.get(hromada.id, stop.requestId);
  return request ? { kind: stop.kind, request, n, vehicleId: route.vehicleId, plan } : undefined;
}

/**
 * What a driver's report means for the request: a pickup done puts the rider on board; a visit or a
 * drop-off done is done; no-show at a pickup or a visit is a no-show. A problem changes nothing.
 * (Whether the move is allowed from the request's status is the lifecycle's call.)
 */
function stopOutcome(
  kind: 'pickup' | 'dropoff' | 'visit',
  report: 'done' | 'no-show' | 'problem',
): 'on-board' | 'done' | 'no-show' | undefined {
  if (report === 'done') return kind === 'pickup' ? 'on-board' : 'done';
  if (report === 'no-show' && kind !== 'dropoff') return 'no-show';
  return undefined;
}

const LOGGED = { 'on-board': 'stop-on-board', done: 'stop-done', 'no-show': 'stop-no-show' } as const;

function describe(command: InboundCommand): string {
  if (command.kind === 'driver') return `driver ${command.stop} ${command.outcome}`;
  if (command.kind === 'handover-code') return `driver ${command.stop} code`;
  if (command.kind === 'welfare') return `driver ${command.stop} ${command.outcome}`;
  return command.kind;
}

/** A mobile-case reply (ЗАПИС, ВІДМОВА); a second delivery racing the first is a duplicate. */
async function handleCaseReplyOnce(...args: Parameters<typeof handleCaseReply>): Promise<InboundResult> {
  try {
    return await handleCaseReply(...args);
  } catch (error) {
    if (error instanceof ConflictError && (await args[0].entities.inbound.get(args[1].inboundMessageId)))
      return { outcome: 'duplicate' };
    throw error;
  }
}
