import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { SmsSender, SmsSendResult, SmsToSend } from '../../ports/sms-sender';

const RETRYABLE = new Set([
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'InternalErrorException',
  'KMSThrottlingException',
  'ServiceUnavailable',
  'TimeoutError',
]);

interface SdkFault {
  $fault?: 'client' | 'server';
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Worth another try: a throttling or transient error by name, or by what the SDK knows of it
 * (a server fault, a retryable trait, HTTP 429 or 5xx) when SNS's front end answered with an error
 * the SDK could not name (an unmodelled 502 or 429 must not fail a message for good).
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (RETRYABLE.has(error.name)) return true;
  const sdk = error as SdkFault;
  const status = sdk.$metadata?.httpStatusCode ?? 0;
  return sdk.$fault === 'server' || sdk.$retryable !== undefined || status === 429 || status >= 500;
}

/**
 * SMS through Amazon SNS `Publish` with `PhoneNumber`, always Transactional (better delivery for
 * time-critical texts), with the hromada's sender ID when it has one.
 */
export class SnsSmsSender implements SmsSender {
  /** SNS SMS delivery logs carry no reference of ours: nothing settles a claim but its sender. */
  readonly receiptsByReference = false;
  constructor(
    private readonly sns: SNSClient,
    private readonly defaultSenderId?: string,
  ) {}

  async send(message: SmsToSend): Promise<SmsSendResult> {
    const senderId = message.senderId ?? this.defaultSenderId;
    try {
      const out = await this.sns.send(
        new PublishCommand({
          PhoneNumber: message.to,
          Message: message.text,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
            ...(senderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: senderId } } : {}),
          },
        }),
      );
      return { ok: true, providerMessageId: out.MessageId ?? 'unknown' };
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, retryable: isTransient(error), error: `${name}: ${detail}`.slice(0, 300) };
    }
  }
}
