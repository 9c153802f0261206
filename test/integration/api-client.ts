import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { expect } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda-context';
import { registerPlanJobHandler } from '../../shared/adapters/plan-jobs/background-plan-job-runner';
import { ADMIN, apiEvent, JSON_HEADERS } from '../support/api-events';
import { GARAGE, NO_QUIET_HOURS, RAMP_TAXI } from '../support/fixtures';
import { freshTable } from './support';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface ApiAnswer {
  status: number;
  headers: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read field by field in the tests
  body: any;
}

export type Call = (event: APIGatewayProxyEventV2) => Promise<ApiAnswer>;

/**
 * The api function on a fresh table of the run's DynamoDB Local, loaded as Lambda loads it (after
 * its environment is set), and a `call` that invokes it with an API Gateway event.
 */
export async function apiOnFreshTable(prefix: string) {
  const table = await freshTable(prefix);
  const { handler } = (await import('../../functions/api/handler')) as unknown as { handler: Handler };
  // the api hands planning jobs to the plan function, run in the background as on the local platform
  const plan = await import('../../functions/plan/handler');
  registerPlanJobHandler((event) => plan.handler(event, lambdaContext('plan')));
  const call: Call = async (event) => {
    const res = await handler(event, lambdaContext('api'));
    return {
      status: res.statusCode ?? 0,
      headers: (res.headers ?? {}) as Record<string, unknown>,
      // JSON is parsed; anything else (a CSV report) is the text as sent
      body: !res.body ? undefined : isJson(res.headers) ? JSON.parse(res.body) : res.body,
    };
  };
  return { table, call };
}

/**
 * Plans a day as the console does: the job (202), polled until it ends, then the plan. Answers the
 * plan (200), the job when it failed, or the refusal when no job was started (409, 400).
 */
export async function planAndWait(call: Call, path: string, body?: unknown): Promise<ApiAnswer> {
  const started = await call(apiEvent('POST', path, body));
  if (started.status !== 202) return started;
  expect(started.headers.location).toBe(`${path.split('/plans/')[0]}/plan-jobs/${started.body.id}`);
  for (let polls = 0; polls < 2000; polls++) {
    const job = await call(apiEvent('GET', String(started.headers.location)));
    if (job.body.state === 'done') return call(apiEvent('GET', path));
    if (job.body.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`plan job ${started.body.id} did not end`);
}

const isJson = (headers: APIGatewayProxyStructuredResultV2['headers']) =>
  !String(headers?.['content-type'] ?? 'application/json').startsWith('text/');

export const BEREZNA_VILLAGE = {
  id: 'UA05120170020086400',
  name: 'Березна',
  type: 'село',
  location: { lat: 49.56085, lon: 27.84392 },
};

/** Хмільницька громада (as an admin) and, unless asked otherwise, the village of Березна. */
export async function createDemoHromada(call: Call, options: { village?: boolean } = {}) {
  // no quiet hours: these tests run on the real clock and send at any hour
  const hromada = {
    id: 'khmilnytska',
    name: 'Хмільницька міська територіальна громада',
    rules: { quietHours: NO_QUIET_HOURS },
  };
  expect((await call(apiEvent('POST', '/hromady', hromada, JSON_HEADERS, ADMIN))).status).toBe(201);
  if (options.village !== false) {
    const village = await call(apiEvent('POST', '/hromady/khmilnytska/settlements', BEREZNA_VILLAGE));
    expect(village.status).toBe(201);
  }
}

/**
 * The garage and a ramp taxi (3 seats, 1 wheelchair place) working every day 07:00–18:00, made
 * through the API as a dispatcher would. Returns the taxi as created.
 */
export async function createGarageAndTaxi(call: Call) {
  const garage = await call(apiEvent('POST', '/hromady/khmilnytska/depots', { ...GARAGE, id: 'garage' }));
  expect(garage.status).toBe(201);
  const taxi = await call(
    apiEvent('POST', '/hromady/khmilnytska/vehicles', {
      ...RAMP_TAXI,
      plate: 'ав1234вс',
      depotId: 'garage',
      shifts: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '07:00', end: '18:00' }],
    }),
  );
  expect(taxi.status).toBe(201);
  return taxi.body as { id: string };
}
