import type { SNSEvent, SNSEventRecord } from 'aws-lambda';
import { smsReceiptRecordSchema } from '../../events/contracts/sms-receipt';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { recordSmsReceipt } from '../../shared/app/record-sms-receipt';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';
import { receiptOf } from './receipt-of';

const ports = portsFromConfig(loadConfig());

async function receive(raw: SNSEventRecord): Promise<void> {
  const { snsMessageId, event } = smsReceiptRecordSchema.parse(raw);
  if (!event) {
    logger.warn('SMS event not understood', { snsMessageId });
    return;
  }
  const receipt = receiptOf(event);
  const outcome = await recordSmsReceipt(ports, receipt);
  logger.info('SMS receipt', { outboxId: receipt.outboxId, status: receipt.messageStatus, outcome });
}

/**
 * Delivery receipts of End User Messaging SMS, from the configuration set's event destination
 * (an SNS topic). Receipts come late and may come twice; recording is idempotent, so a storage
 * fault throws and Lambda's retry is safe.
 */
export const handler = lambdaStack<SNSEvent, void>().handler(async (event) => {
  for (const record of event.Records) await receive(record);
});
