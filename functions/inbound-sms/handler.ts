import type { SNSEvent, SNSEventRecord } from 'aws-lambda';
import { inboundSmsRecordSchema } from '../../events/contracts/inbound-sms';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { handleInboundSms } from '../../shared/app/handle-inbound-sms';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';

const ports = portsFromConfig(loadConfig());

async function receive(raw: SNSEventRecord): Promise<void> {
  const { snsMessageId, payload } = inboundSmsRecordSchema.parse(raw);
  if (!payload) {
    logger.warn('inbound SMS payload not understood', { snsMessageId });
    return;
  }
  const result = await handleInboundSms(ports, payload);
  logger.info('inbound SMS', { inboundMessageId: payload.inboundMessageId, ...result });
}

/**
 * Two-way SMS: replies from residents and drivers, delivered by SNS. A malformed payload is
 * logged and dropped (retrying cannot fix it); a storage fault throws so Lambda retries, which is
 * safe because the use case acts once per inboundMessageId.
 */
export const handler = lambdaStack<SNSEvent, void>().handler(async (event) => {
  for (const record of event.Records) await receive(record);
});
