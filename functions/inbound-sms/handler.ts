import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { inboundSmsPayloadSchema, snsRecordSchema } from '../../events/contracts/inbound-sms';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { handleInboundSms } from '../../shared/app/handle-inbound-sms';
import { loadConfig } from '../../shared/config/config';
import { logger } from '../../shared/observability/logger';

const ports = portsFromConfig(loadConfig());

/**
 * Two-way SMS: replies from residents and drivers, delivered by SNS. A malformed payload is
 * logged and dropped (retrying cannot fix it); a storage fault throws so Lambda retries, which is
 * safe because the use case acts once per inboundMessageId.
 */
export const handler = middy<SNSEvent, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    for (const raw of event.Records) {
      const record = snsRecordSchema.parse(raw);
      const payload = inboundSmsPayloadSchema.safeParse(safeJson(record.Sns.Message));
      if (!payload.success) {
        logger.warn('inbound SMS payload not understood', { snsMessageId: record.Sns.MessageId });
        continue;
      }
      const result = await handleInboundSms(ports, payload.data);
      logger.info('inbound SMS', { inboundMessageId: payload.data.inboundMessageId, ...result });
    }
  });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
