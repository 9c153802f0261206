import type { OutboxMessage } from '../../domain/entities/outbox-message';
import { ConflictError } from '../../domain/errors';
import { localDate } from '../../domain/time';
import { alertTexts, failureReason, messageWords } from '../../messaging/alert-texts';
import type { Ports } from '../../ports/ports';
import { alertItem } from './alert-item';

/**
 * A message that ended `failed` (refused, over the day's cap, or out of attempts): the dispatcher
 * is told, once per message (`sms-failed-<message>`). The outbox's own conditional update is the
 * change; this is written right after it, and a second raise (a retried record, the sweeper) is
 * refused by the alert's id and ignored.
 */
export async function raiseSmsFailed(
  ports: Pick<Ports, 'entities' | 'outbox' | 'clock'>,
  id: string,
): Promise<boolean> {
  const message = await ports.outbox.get(id);
  if (message?.status !== 'failed') return false;
  const hromada = await ports.entities.hromady.get(message.hromadaId);
  if (!hromada) return false;
  const requestId = requestOf(message);
  try {
    await ports.entities.commit([
      alertItem(ports, hromada, {
        kind: 'sms-failed',
        cause: message.id,
        date: localDate(new Date(message.createdAt), hromada.timeZone),
        text: alertTexts.smsFailed(messageWords[message.kind], failureReason(message.error)),
        phone: message.to,
        ...(requestId ? { requestId } : {}),
      }),
    ]);
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

function requestOf(message: OutboxMessage): string | undefined {
  const match = /^REQUEST#([0-9A-Za-z_-]{1,64})$/.exec(message.subject);
  return match?.[1];
}
