import { describe, expect, inject, it } from 'vitest';
import { apiRoutes } from '../../functions/api/routes';
import { lambdaContext } from '../../infra/local/lambda-context';
import { createDocumentClient, createDynamoDbClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../../shared/adapters/dynamodb/dynamodb-entity-repository';
import { DynamoDbOutboxRepository } from '../../shared/adapters/dynamodb/dynamodb-outbox-repository';
import { DynamoDbPlanJobStore } from '../../shared/adapters/dynamodb/dynamodb-plan-job-store';
import { OfflineTravelTimes } from '../../shared/adapters/offline-travel-times/offline-travel-times';
import { BackgroundPlanJobRunner } from '../../shared/adapters/plan-jobs/background-plan-job-runner';
import { StraightRouteGeometry } from '../../shared/adapters/route-geometry/straight-route-geometry';
import { InProcessRouteSolver } from '../../shared/adapters/routing/in-process-route-solver';
import { SystemClock } from '../../shared/adapters/system/system-clock';
import { UlidIds } from '../../shared/adapters/system/ulid-ids';
import { httpHandler } from '../../shared/http/api-handler';
import { Router } from '../../shared/http/router';
import { apiEvent } from '../support/api-events';
import { RecordingSmsSender } from '../support/fixtures';

describe('a 500 never echoes internals', () => {
  it('hides a storage fault (missing table) behind a request id', async () => {
    const doc = createDocumentClient(
      createDynamoDbClient({ region: 'eu-central-1', endpoint: inject('dynamoEndpoint') }),
    );
    const ports = {
      entities: new DynamoDbEntityRepository(doc, 'no-such-table'),
      outbox: new DynamoDbOutboxRepository(doc, 'no-such-table'),
      sms: new RecordingSmsSender(),
      travel: new OfflineTravelTimes(),
      clock: new SystemClock(),
      ids: new UlidIds(),
      solver: new InProcessRouteSolver(),
      planJobs: new DynamoDbPlanJobStore(doc, 'no-such-table'),
      routeLines: new StraightRouteGeometry(),
      planJobRunner: new BackgroundPlanJobRunner(),
    };
    const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
    const context = lambdaContext('api');
    const res = await handler(apiEvent('GET', '/hromady/khmilnytska/residents'), context);
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'internal', message: 'Internal error', requestId: context.awsRequestId },
    });
    expect(res.body).not.toMatch(/no-such-table|ResourceNotFound|dynamo/i);
  });
});
