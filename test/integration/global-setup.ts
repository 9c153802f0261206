import type { TestProject } from 'vitest/node';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let db: RunningDynamoDbLocal | undefined;

/** One DynamoDB Local for the whole integration run, in memory, on a free port. */
export async function setup(project: TestProject) {
  db = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', db.endpoint);
}

export async function teardown() {
  await db?.stop();
}
