import { inject } from 'vitest';
import { createDocumentClient, createDynamoDbClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../../shared/adapters/dynamodb/dynamodb-entity-repository';
import { DynamoDbOutboxRepository } from '../../shared/adapters/dynamodb/dynamodb-outbox-repository';
import { DynamoDbPlanJobStore } from '../../shared/adapters/dynamodb/dynamodb-plan-job-store';
import { ensureTable } from '../../shared/adapters/dynamodb/table';
import { OfflineTravelTimes } from '../../shared/adapters/offline-travel-times/offline-travel-times';
import { BackgroundPlanJobRunner } from '../../shared/adapters/plan-jobs/background-plan-job-runner';
import { StraightRouteGeometry } from '../../shared/adapters/route-geometry/straight-route-geometry';
import { InProcessRouteSolver } from '../../shared/adapters/routing/in-process-route-solver';
import { UlidIds } from '../../shared/adapters/system/ulid-ids';
import type { Clock } from '../../shared/ports/clock';
import type { Ports } from '../../shared/ports/ports';

let tables = 0;

/**
 * A fresh table on the run's DynamoDB Local, and the environment the handlers read at cold start
 * pointing at it. Call before importing a handler module.
 */
export async function freshTable(prefix: string) {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `${prefix}-${process.pid}-${++tables}-${Date.now()}`;
  const client = createDynamoDbClient({ region: 'eu-central-1', endpoint });
  const streamArn = await ensureTable(client, tableName);
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AWS_REGION: 'eu-central-1',
    DYNAMODB_ENDPOINT: endpoint,
    SMS_TRANSPORT: 'sns',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  const doc = createDocumentClient(client);
  return {
    endpoint,
    tableName,
    streamArn,
    client,
    doc,
    entities: new DynamoDbEntityRepository(doc, tableName),
    outbox: new DynamoDbOutboxRepository(doc, tableName),
  };
}

export class FixedClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
}

export function portsFor(t: Awaited<ReturnType<typeof freshTable>>, clock: Clock): Omit<Ports, 'sms'> {
  return {
    entities: t.entities,
    outbox: t.outbox,
    clock,
    ids: new UlidIds(),
    travel: new OfflineTravelTimes(),
    solver: new InProcessRouteSolver(),
    planJobs: new DynamoDbPlanJobStore(t.doc, t.tableName),
    routeLines: new StraightRouteGeometry(),
    planJobRunner: new BackgroundPlanJobRunner(),
  };
}
