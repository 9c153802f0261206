import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ServiceUnavailableError } from '../../domain/errors';

/** DynamoDB's names for "too much, slow down" (request level). */
const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);
/** The same, as a cancellation reason of one item of a transaction. */
const THROTTLED_REASON = new Set([
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

interface MaybeCancelled {
  name?: string;
  CancellationReasons?: { Code?: string }[];
}

/** True when DynamoDB refused the call for throughput only (no condition failed). */
export function isThrottling(error: unknown): boolean {
  const e = error as MaybeCancelled | undefined;
  if (!e?.name) return false;
  if (THROTTLED.has(e.name)) return true;
  if (e.name !== 'TransactionCanceledException') return false;
  const codes = (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return codes.some((c) => THROTTLED_REASON.has(c)) && !codes.includes('ConditionalCheckFailed');
}

/**
 * Throttling that outlasts the SDK's own retries (its retry middleware sits below this one) leaves
 * the client as a `ServiceUnavailableError`, so the API answers 503 with Retry-After in its one
 * error mapping and every other caller sees a storage fault it retries. Nothing else changes.
 */
export function throttlingAsUnavailable(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (!isThrottling(error)) throw error;
        throw new ServiceUnavailableError(
          `DynamoDB ${context.commandName ?? 'call'} throttled: ${(error as Error).name}`,
        );
      }
    },
    { step: 'initialize', name: 'throttlingAsUnavailable', priority: 'high' },
  );
  return client;
}
