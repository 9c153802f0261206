/**
 * The one-time handover code of a delivery: 4 digits made at booking, sent by one short SMS to the
 * resident (or the trusted person), kept on the request only as a hash, checked when the driver
 * replies `3 КОД 1234`. The code never appears on the driver's route.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Hromada } from '../../domain/entities/hromada';
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { localDayLabel } from '../../domain/time';
import { handoverCodeSms } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { queueSms } from '../queue-sms';

/** A fresh code: 4 random digits. */
export function newHandoverCode(): string {
  return String(randomInt(0, 10_000)).padStart(4, '0');
}

/** The stored form of a code: SHA-256 of `<request id>:<code>`, so equal codes differ per request. */
export function hashHandoverCode(requestId: string, code: string): string {
  return createHash('sha256').update(`${requestId}:${code}`).digest('hex');
}

/** Whether `code` is the request's handover code. */
export function codeMatches(request: ServiceRequest, code: string): boolean {
  return (
    request.handoverCode !== undefined && request.handoverCode.hash === hashHandoverCode(request.id, code)
  );
}

/** Who gets the code by SMS: the trusted person's phone when given, else the resident's (with consent). */
function codeRecipient(
  request: ServiceRequest,
  resident: Resident,
): { to: string; trusted: boolean } | undefined {
  if (request.handover?.mode === 'trusted' && request.handover.trustedPhone) {
    return { to: request.handover.trustedPhone, trusted: true };
  }
  return resident.phone && resident.smsConsent ? { to: resident.phone, trusted: false } : undefined;
}

/**
 * At booking: a delivery with a handover rule in a hromada that requires the code gets one, and its
 * SMS goes into the booking's transaction. Without anyone to send it to, no code is made (the
 * driver's `3 OK` then records the handover, as in a hromada without the rule).
 */
export function handoverAtBooking(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  resident: Resident,
  request: ServiceRequest,
  code: string = newHandoverCode(),
): { request: ServiceRequest; changes: Change[] } {
  if (request.serviceType !== 'delivery' || !request.handover || !hromada.rules.deliveryCodeRequired) {
    return { request, changes: [] };
  }
  const recipient = codeRecipient(request, resident);
  if (!recipient) return { request, changes: [] };
  const withCode: ServiceRequest = {
    ...request,
    handoverCode: { hash: hashHandoverCode(request.id, code), wrongTries: 0 },
  };
  const text = handoverCodeSms({
    day: localDayLabel(new Date(request.window.start), hromada.timeZone),
    code,
    trusted: recipient.trusted,
    confidential: request.confidential,
  });
  const sms = queueSms(ports, hromada, {
    id: `code-${request.id}`,
    kind: 'handover-code',
    to: recipient.to,
    text,
    subject: `REQUEST#${request.id}`,
    confidential: request.confidential,
  });
  return { request: withCode, changes: [sms] };
}
