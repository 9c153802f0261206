import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { deadlineWrite, refuseReadAfterAnswer } from '../../domain/answer-deadline';

/** DynamoDB's commands that change items. */
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
  'ExecuteStatementCommand',
  'BatchExecuteStatementCommand',
  'ExecuteTransactionCommand',
]);

/**
 * A write of an HTTP call that is past its answer's deadline is not sent (the caller was answered
 * 503 "nothing saved"); one sent before it is counted while in flight, SDK retries included, so
 * the call waits for its outcome (shared/domain/answer-deadline.ts). Reads pass, unless the call
 * was already answered 503: then its work stops at its next read.
 */
export function answerDeadlineGate(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (WRITES.has(context.commandName ?? '')) return deadlineWrite(() => next(args));
      refuseReadAfterAnswer();
      return next(args);
    },
    { step: 'initialize', name: 'answerDeadlineGate', priority: 'high' },
  );
  return client;
}
