import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxImageSchema, streamRecordSchema } from '../../events/contracts/outbox-stream-record';
import { newImageOf } from '../../shared/adapters/dynamodb/stream-image';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { sendOutboxMessage } from '../../shared/app/send-outbox-message';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';
import { addMetrics, emitPerHromada } from '../../shared/observability/metrics';
import { batchFailureMetrics, smsMetricsImageSchema, smsOutcomeMetrics } from './sms-metrics';

const config = loadConfig();
const ports = portsFromConfig(config);
const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function sendRecord(record: DynamoDBRecord): Promise<void> {
  streamRecordSchema.parse(record);
  const newImage = newImageOf(record);
  const image = outboxImageSchema.safeParse(newImage);
  if (!image.success) return; // not a pending outbox message: nothing to do
  const outcome = await sendOutboxMessage(
    ports,
    image.data.id,
    image.data.version,
    config.SMS_PRICE_PER_SEGMENT_USD,
  );
  logger.info('outbox message', { id: image.data.id, outcome });
  const counted = smsMetricsImageSchema.safeParse(newImage);
  if (counted.success) {
    const { hromadaId, segments } = counted.data;
    emitPerHromada(hromadaId, smsOutcomeMetrics(outcome, segments, config.SMS_PRICE_PER_SEGMENT_USD));
  }
}

/**
 * Outbox → SMS. Triggered by the table's stream (filtered to pending outbox items). Records that
 * throw are reported in `batchItemFailures` so Lambda retries only them; sending is idempotent.
 */
export const handler = lambdaStack<DynamoDBStreamEvent, unknown>().handler(async (event, context) => {
  const result = await processPartialResponse(event, sendRecord, processor, { context });
  addMetrics(batchFailureMetrics(result));
  return result;
});
