import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { SmsSender, SmsSendResult, SmsToSend } from '../../ports/sms-sender';

const RETRYABLE = new Set([
  'ThrottledException',
  'ThrottlingException',
  'InternalErrorException',
  'KMSThrottlingException',
  'ServiceUnavailable',
  'TimeoutError',
]);

/**
 * SMS through Amazon SNS `Publish` with `PhoneNumber`, always Transactional (better delivery for
 * time-critical texts), with the hromada's sender ID when it has one.
 */
export class SnsSmsSender implements SmsSender {
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
      return { ok: false, retryable: RETRYABLE.has(name), error: `${name}: ${detail}`.slice(0, 300) };
    }
  }
}
