import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { answerDeadlineGate } from './answer-deadline-gate';
import { throttlingAsUnavailable } from './throttling';

export interface DynamoDbSettings {
  region: string;
  /** DynamoDB Local, e.g. http://127.0.0.1:8000. Absent in AWS. */
  endpoint?: string;
}

/**
 * Throttling that outlasts the SDK's retries comes out as a ServiceUnavailableError (throttling.ts);
 * a call past its answer's deadline sends no write (answer-deadline-gate.ts).
 */
export function createDynamoDbClient(settings: DynamoDbSettings): DynamoDBClient {
  const client = new DynamoDBClient({
    region: settings.region,
    ...(settings.endpoint
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return answerDeadlineGate(throttlingAsUnavailable(client));
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
