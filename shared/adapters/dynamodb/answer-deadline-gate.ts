import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { deadlineWrite } from '../../domain/answer-deadline';

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
 * the call waits for its outcome (shared/domain/answer-deadline.ts). Reads pass untouched.
 */
export function answerDeadlineGate(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.add(
    (next, context) => async (args) =>
      WRITES.has(context.commandName ?? '') ? deadlineWrite(() => next(args)) : next(args),
    { step: 'initialize', name: 'answerDeadlineGate', priority: 'high' },
  );
  return client;
}
