import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';
import { z } from 'zod';
import { type AnyHandler, lambdaContext } from './lambda-context';

const localSms = z.strictObject({
  from: z.string().min(3),
  text: z.string().max(1600),
  to: z.string().default('+380931112233'),
});

/** The SNS event AWS End User Messaging publishes for a two-way SMS reply. */
export function inboundSmsEvent(
  from: string,
  text: string,
  to: string,
  inboundMessageId = randomUUID(),
): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:local:000000000000:inbound-sms:local',
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:local:000000000000:inbound-sms',
          Subject: '',
          Message: JSON.stringify({
            originationNumber: from,
            destinationNumber: to,
            messageKeyword: 'KEYWORD_LOCAL',
            messageBody: text,
            inboundMessageId,
          }),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'local',
          SigningCertUrl: 'local',
          UnsubscribeUrl: 'local',
          MessageAttributes: {},
        },
      },
    ],
  };
}

/** `POST /_local/inbound-sms {"from":"+380671110001","text":"НІ"}` on the local platform. */
export async function deliverInboundSms(handler: AnyHandler, body: Buffer) {
  const parsed = localSms.safeParse(safeJson(body.toString('utf8')));
  if (!parsed.success) return { status: 400, body: { error: 'expected {"from": "+380…", "text": "…"}' } };
  await handler(
    inboundSmsEvent(parsed.data.from, parsed.data.text, parsed.data.to),
    lambdaContext('inbound-sms'),
  );
  return { status: 202, body: { delivered: true } };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
