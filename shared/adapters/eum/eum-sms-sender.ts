import { type PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { countSegments } from '../../messaging/segments';
import type { SmsSender, SmsSendResult, SmsToSend } from '../../ports/sms-sender';

/** Faults worth another try later: throttling and the service's own trouble. */
const RETRYABLE = new Set([
  'ThrottlingException',
  'InternalServerException',
  'TimeoutError',
  'ServiceUnavailable',
]);

export interface EumSmsOptions {
  /** The configuration set whose event destination delivers the receipts (functions/sms-receipts). */
  configurationSetName: string;
  /** Phone number id/ARN, sender ID or pool the deployment sends from, unless the message names its own. */
  originationIdentity?: string;
  /**
   * The most one segment may cost, USD. Each message's `MaxPrice` is this times its segments:
   * End User Messaging refuses a message whose calculated price is above it, so a tariff change
   * cannot quietly multiply the bill (the refusal is final, and shows as a failed message).
   */
  maxPricePerSegmentUsd?: number;
}

/**
 * SMS through AWS End User Messaging SMS (`SendTextMessage`), always TRANSACTIONAL, under a
 * configuration set so that every message's delivery receipt (final status, carrier status,
 * price) comes back as an event. The outbox id rides along in `Context`, so the receipt names the
 * message it is about without a look-up by the provider's id.
 */
export class EumSmsSender implements SmsSender {
  /** Every accepted SMS comes back as events carrying `Context.outboxId` (TEXT_QUEUED at once). */
  readonly receiptsByReference = true;

  constructor(
    private readonly client: PinpointSMSVoiceV2Client,
    private readonly options: EumSmsOptions,
  ) {}

  async send(message: SmsToSend): Promise<SmsSendResult> {
    const origination = message.senderId ?? this.options.originationIdentity;
    const perSegment = this.options.maxPricePerSegmentUsd;
    try {
      const out = await this.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: message.to,
          MessageBody: message.text,
          MessageType: 'TRANSACTIONAL',
          ConfigurationSetName: this.options.configurationSetName,
          ...(origination ? { OriginationIdentity: origination } : {}),
          ...(perSegment !== undefined ? { MaxPrice: maxPriceOf(message.text, perSegment).toFixed(5) } : {}),
          ...(message.reference ? { Context: { outboxId: message.reference } } : {}),
        }),
      );
      return { ok: true, providerMessageId: out.MessageId ?? 'unknown' };
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, retryable: RETRYABLE.has(name), error: `${name}: ${detail}`.slice(0, 300) };
    }
  }
}

/** What a message of `text` may cost at most, USD, when each segment may cost `perSegment`. */
export function maxPriceOf(text: string, perSegment: number): number {
  return countSegments(text).segments * perSegment;
}
