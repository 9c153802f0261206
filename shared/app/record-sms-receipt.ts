import type { Hromada } from '../domain/entities/hromada';
import type { OutboxMessage } from '../domain/entities/outbox-message';
import { ConflictError } from '../domain/errors';
import { deliveryStatusOf, type SmsReceipt } from '../domain/sms-receipt';
import { monthOf, toMicroUsd } from '../domain/sms-spend';
import { localDate } from '../domain/time';
import { alertTexts, messageWords } from '../messaging/alert-texts';
import type { Change } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';
import { alertItem } from './alerts/alert-item';
import { queueSms } from './queue-sms';

export type ReceiptOutcome =
  /** A later status was recorded on the message (and, when it failed, what follows). */
  | 'recorded'
  /** Nothing new: the same receipt again, or one after the final word. */
  | 'duplicate'
  /** No such message (expired by TTL, or not ours). */
  | 'unknown-message';

type ReceiptPorts = Pick<Ports, 'outbox' | 'entities' | 'clock'>;

/**
 * Record a delivery receipt on its message. Receipts come late, out of order and twice: a final
 * status is never overwritten, the same status twice changes nothing, and the write is
 * conditional on the version read (a race re-reads and decides again). A failed delivery is
 * followed, in the same transaction, by a second try of a driver's route (once, when the
 * hromada's rule allows it).
 */
export async function recordSmsReceipt(ports: ReceiptPorts, receipt: SmsReceipt): Promise<ReceiptOutcome> {
  for (let attempt = 0; ; attempt += 1) {
    const message = await ports.outbox.get(receipt.outboxId);
    if (!message) return 'unknown-message';
    const changes = await receiptChanges(ports, message, receipt);
    if (changes.length === 0) return 'duplicate';
    try {
      await ports.entities.commit(changes);
      return 'recorded';
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

async function receiptChanges(
  ports: ReceiptPorts,
  message: OutboxMessage,
  receipt: SmsReceipt,
): Promise<Change[]> {
  const status = deliveryStatusOf(receipt);
  const known = message.delivery;
  if (known && known.status !== 'pending') return [];
  if (known && status === 'pending' && known.carrierStatus === receipt.messageStatus) return [];
  const updated: OutboxMessage = {
    ...stillOpenAsSent(message, receipt),
    delivery: {
      status,
      carrierStatus: receipt.messageStatus.slice(0, 60),
      ...(receipt.description ? { description: receipt.description.slice(0, 300) } : {}),
      ...(receipt.priceUsd !== undefined ? { priceUsd: receipt.priceUsd } : {}),
      ...(receipt.parts !== undefined ? { parts: receipt.parts } : {}),
      at: receipt.at,
    },
    version: message.version + 1,
  };
  const changes: Change[] = [{ op: 'outbox-final', message: updated, expectedVersion: message.version }];
  if (receipt.priceUsd !== undefined && known?.priceUsd === undefined) {
    // the month's receipted spend counts each message's price once, in the month it was paid from
    const month = monthOf(message.reservedOn ?? localDate(new Date(message.createdAt)));
    changes.push({
      op: 'sms-month',
      hromadaId: message.hromadaId,
      month,
      add: { receiptsMicroUsd: toMicroUsd(receipt.priceUsd) },
    });
  }
  if (status !== 'failed') return changes;
  const hromada = await ports.entities.hromady.get(message.hromadaId);
  if (hromada) changes.push(...afterFailure(ports, hromada, message, receipt.messageStatus));
  return changes;
}

/**
 * A receipt proves the provider took the SMS. One that comes while the message is still open
 * (`sending`: its sender is slow, or died after the provider call; `pending`: the sweeper already
 * took that claim back) records it as sent, out of the sweeper's reach, so it is neither left
 * `sending` for good nor sent a second time.
 */
function stillOpenAsSent(message: OutboxMessage, receipt: SmsReceipt): OutboxMessage {
  if (message.status !== 'sending' && message.status !== 'pending') return message;
  const { dueAt: _, ...rest } = message;
  return {
    ...rest,
    status: 'sent',
    providerMessageId: message.providerMessageId ?? receipt.providerMessageId,
    sentAt: message.sentAt ?? receipt.at,
  };
}

/**
 * What follows an undelivered message: a driver's route is tried once more, if the rule says so;
 * otherwise (and when the second try fails too) an alert for the dispatcher, once per message.
 */
function afterFailure(
  ports: ReceiptPorts,
  hromada: Hromada,
  message: OutboxMessage,
  carrierStatus: string,
): Change[] {
  if (message.kind === 'driver-route' && !message.resendOf && hromada.rules.resendFailedRoute) {
    const again = queueSms(ports, hromada, {
      id: `${message.id}-again`,
      kind: message.kind,
      to: message.to,
      text: message.text,
      subject: message.subject,
      confidential: false,
    });
    return [
      {
        op: 'outbox',
        message: {
          ...again.message,
          resendOf: message.id,
          ...(message.senderId ? { senderId: message.senderId } : {}),
        },
      },
    ];
  }
  const route = message.kind === 'driver-route';
  const requestId = /^REQUEST#([0-9A-Za-z_-]{1,64})$/.exec(message.subject)?.[1];
  return [
    alertItem(ports, hromada, {
      kind: 'sms-failed',
      cause: `undelivered-${message.id}`,
      date: localDate(new Date(message.createdAt), hromada.timeZone),
      text: route
        ? alertTexts.routeUndelivered()
        : alertTexts.smsFailed(messageWords[message.kind], `оператор: ${carrierStatus}`),
      phone: message.to,
      ...(requestId ? { requestId } : {}),
    }),
  ];
}
