import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config/config';
import type { Ports } from '../ports/ports';
import type { RouteGeometry } from '../ports/route-geometry';
import type { RouteSolver } from '../ports/route-solver';
import type { SmsSender } from '../ports/sms-sender';
import type { TravelTimes } from '../ports/travel-times';
import { CachedTravelTimes } from './cached-travel-times/cached-travel-times';
import { createDocumentClient, createDynamoDbClient } from './dynamodb/client';
import { CursorSealer } from './dynamodb/cursor';
import { DynamoDbEntityRepository } from './dynamodb/dynamodb-entity-repository';
import { DynamoDbOutboxRepository } from './dynamodb/dynamodb-outbox-repository';
import { DynamoDbPlanJobStore } from './dynamodb/dynamodb-plan-job-store';
import { DynamoDbRouteLineStore } from './dynamodb/dynamodb-route-line-store';
import { DynamoDbTravelCellStore } from './dynamodb/dynamodb-travel-cell-store';
import { EumSmsSender } from './eum/eum-sms-sender';
import { OfflineTravelTimes } from './offline-travel-times/offline-travel-times';
import { OrsRouteGeometry } from './openrouteservice/ors-route-geometry';
import { OrsTravelTimes } from './openrouteservice/ors-travel-times';
import { BackgroundPlanJobRunner } from './plan-jobs/background-plan-job-runner';
import { LambdaPlanJobRunner } from './plan-jobs/lambda-plan-job-runner';
import { CachedRouteGeometry, RouteGeometryBySource } from './route-geometry/cached-route-geometry';
import { StraightRouteGeometry } from './route-geometry/straight-route-geometry';
import { InProcessRouteSolver } from './routing/in-process-route-solver';
import { ParallelRouteSolver } from './routing/parallel-route-solver';
import { WorkerThreadRouteSolver } from './routing/worker-thread-route-solver';
import { secretFromLambdaExtension } from './secrets/lambda-extension-secret';
import { FileSmsSender } from './sms-sink/file-sms-sender';
import { SnsSmsSender } from './sns/sns-sms-sender';
import { SystemClock } from './system/system-clock';
import { UlidIds } from './system/ulid-ids';
import { TravelTimesBySource } from './travel-times-by-source';

/** The production wiring of every port, chosen by configuration. Call once per module. */
export function portsFromConfig(config: Config): Ports {
  const doc = createDocumentClient(
    createDynamoDbClient({
      region: config.AWS_REGION,
      ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    }),
  );
  const cursors = cursorSealer(config);
  return {
    entities: new DynamoDbEntityRepository(doc, config.TABLE_NAME, cursors),
    outbox: new DynamoDbOutboxRepository(doc, config.TABLE_NAME, cursors),
    sms: smsSender(config),
    travel: travelTimes(config, doc),
    routeLines: routeLines(config, doc),
    clock: new SystemClock(),
    ids: new UlidIds(),
    solver: routeSolver(config),
    planJobs: new DynamoDbPlanJobStore(doc, config.TABLE_NAME),
    planJobRunner: config.PLAN_FUNCTION_NAME
      ? new LambdaPlanJobRunner(config.PLAN_FUNCTION_NAME)
      : new BackgroundPlanJobRunner(),
  };
}

/** Several searches in worker threads (the plan function's vCPUs), or one as ROUTE_SOLVER says. */
function routeSolver(config: Config): RouteSolver {
  if (config.PLAN_WORKERS > 1) return new ParallelRouteSolver(config.PLAN_WORKERS);
  return config.ROUTE_SOLVER === 'worker' ? new WorkerThreadRouteSolver() : new InProcessRouteSolver();
}

/** The SMS transport the deployment chose (SMS_TRANSPORT). */
function smsSender(config: Config): SmsSender {
  switch (config.SMS_TRANSPORT) {
    case 'file':
      return new FileSmsSender(config.SMS_SINK_FILE!);
    case 'eum':
      return new EumSmsSender(new PinpointSMSVoiceV2Client({ region: config.AWS_REGION }), {
        configurationSetName: config.SMS_CONFIGURATION_SET!,
        ...((config.SMS_ORIGINATION_IDENTITY ?? config.SMS_SENDER_ID)
          ? { originationIdentity: config.SMS_ORIGINATION_IDENTITY ?? config.SMS_SENDER_ID }
          : {}),
        ...(config.SMS_MAX_PRICE_PER_SEGMENT_USD !== undefined
          ? { maxPricePerSegmentUsd: config.SMS_MAX_PRICE_PER_SEGMENT_USD }
          : {}),
      });
    case 'sns':
      return new SnsSmsSender(new SNSClient({ region: config.AWS_REGION }), config.SMS_SENDER_ID);
  }
}

/**
 * The offline estimate always; openrouteservice when the deployment has a host (the default
 * source when TRAVEL_TIMES=ors; a hromada may choose either), cached in the table across days.
 */
function travelTimes(config: Config, doc: DynamoDBDocumentClient): TravelTimes {
  const offline = new OfflineTravelTimes();
  if (!config.ORS_HOST) return new TravelTimesBySource({ offline }, 'offline');
  const apiKey = config.ORS_API_KEY_SECRET_ID
    ? secretFromLambdaExtension(config.ORS_API_KEY_SECRET_ID, process.env, 16)
    : config.ORS_API_KEY;
  const ors = new OrsTravelTimes({
    host: config.ORS_HOST,
    ...(apiKey ? { apiKey } : {}),
    maxCellsPerRequest: config.ORS_MAX_CELLS,
    requestsPerMinute: config.ORS_REQUESTS_PER_MINUTE,
  });
  const store = new DynamoDbTravelCellStore(doc, config.TABLE_NAME, {
    ttlDays: config.TRAVEL_CACHE_TTL_DAYS,
  });
  return new TravelTimesBySource({ offline, ors: new CachedTravelTimes(ors, store) }, config.TRAVEL_TIMES);
}

/** Map lines: straight offline; openrouteservice Directions when configured, cached in the table. */
function routeLines(config: Config, doc: DynamoDBDocumentClient): RouteGeometry {
  const offline = new StraightRouteGeometry();
  if (!config.ORS_HOST) return new RouteGeometryBySource({ offline }, 'offline');
  const apiKey = config.ORS_API_KEY_SECRET_ID
    ? secretFromLambdaExtension(config.ORS_API_KEY_SECRET_ID, process.env, 16)
    : config.ORS_API_KEY;
  const ors = new OrsRouteGeometry({
    host: config.ORS_HOST,
    ...(apiKey ? { apiKey } : {}),
    requestsPerMinute: config.ORS_REQUESTS_PER_MINUTE,
  });
  const store = new DynamoDbRouteLineStore(doc, config.TABLE_NAME, { ttlDays: config.TRAVEL_CACHE_TTL_DAYS });
  return new RouteGeometryBySource(
    { offline, ors: new CachedRouteGeometry(ors, store) },
    config.TRAVEL_TIMES,
  );
}

/** Cursors that go to clients must open in any container: one secret for all of them. */
function cursorSealer(config: Config): CursorSealer {
  if (config.CURSOR_SECRET_ID) return new CursorSealer(secretFromLambdaExtension(config.CURSOR_SECRET_ID));
  const secret = config.CURSOR_SECRET;
  return secret ? new CursorSealer(async () => secret) : CursorSealer.ephemeral();
}
