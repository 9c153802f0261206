/**
 * The one-machine platform: `npm start`. DynamoDB Local, the same Lambda handlers as in AWS
 * (HTTP API, stream consumer, schedule), an SMS sink and demo data. No cloud account, no network.
 *
 *   npm start                 data kept in .local/dynamodb
 *   npm start -- --in-memory  nothing kept
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { outboxFilterPattern } from '../../events/contracts/outbox-stream-record';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/client';
import { ensureTable } from '../../shared/adapters/dynamodb/table';
import { registerPlanJobHandler } from '../../shared/adapters/plan-jobs/background-plan-job-runner';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { loadConfig } from '../../shared/config/config';
import { nextDemoDay, seedDemoDay } from './demo-day';
import { startDynamoDbLocal } from './dynamodb-local';
import { serveHttpApi } from './http-bridge';
import { deliverInboundSms } from './inbound-sms';
import { lambdaContext } from './lambda-context';
import { callStep } from './phone-call';
import { LocalScheduler } from './scheduler';
import { seedDemo } from './seed-demo';
import { deliverSmsReceipt, LocalReceipts, localReceiptPolicySchema } from './sms-receipts';
import { StreamPoller } from './stream-poller';

const started = Date.now();
const { values: args } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: '.local/dynamodb' },
    'no-seed': { type: 'boolean', default: false },
  },
});
const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DYNAMODB_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Handlers' log level on the local platform (quiet by default; DEBUG to see every call). */
    POWERTOOLS_LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('WARN'),
  })
  .extend(localReceiptPolicySchema.shape)
  .parse(process.env);
const localDir = resolve('.local');

// a closed terminal (SIGHUP) makes writes to it fail: that must not stop the shutdown below
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
const db = await startDynamoDbLocal({
  ...(args['in-memory'] ? {} : { dataDir: args['data-dir'] }),
  ...(env.DYNAMODB_LOCAL_PORT ? { port: env.DYNAMODB_LOCAL_PORT } : {}),
  pidFile: resolve(localDir, 'dynamodb-local.pid'),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
if (db.reclaimed && 'stopped' in db.reclaimed)
  console.warn(
    `Stopped DynamoDB Local (pid ${db.reclaimed.stopped}) left running by an earlier npm start that was killed.`,
  );
if (args['in-memory']) {
  // nothing is kept: the SMS sink and the failed stream records start empty too
  for (const file of ['sms-sent.jsonl', 'failed-stream-records.jsonl'])
    rmSync(resolve(localDir, file), { force: true });
}
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  scheduler?.stop();
  receipts?.stop();
  await poller?.stop().catch(() => undefined);
  server?.close();
  await db.stop();
  console.log('stopped; DynamoDB Local is down.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0)); // the terminal was closed

let server: Awaited<ReturnType<typeof serveHttpApi>> | undefined;
let poller: StreamPoller | undefined;
let scheduler: LocalScheduler | undefined;
let receipts: LocalReceipts | undefined;
try {
  // The same variables the CDK app gives the functions, pointed at the local pieces.
  Object.assign(process.env, {
    TABLE_NAME: 'hromada-dispatch',
    AWS_REGION: 'eu-central-1',
    DYNAMODB_ENDPOINT: db.endpoint,
    SMS_TRANSPORT: 'file',
    TRAVEL_TIMES: 'offline',
    // one process serves every request here: plans are solved in a worker thread, as a separate
    // Lambda invocation would be in AWS, so that a plan does not stall the API
    ROUTE_SOLVER: 'worker',
    SMS_SINK_FILE: resolve(localDir, 'sms-sent.jsonl'),
    // the air-raid feed's stand-in: write [{"level":"hromada","id":"<h>"}] to start a feed alert
    AIR_RAID_FEED: 'stub',
    AIR_RAID_STUB_FILE: resolve(localDir, 'air-raids.json'),
    POWERTOOLS_SERVICE_NAME: 'hromada-dispatch-local',
    POWERTOOLS_LOG_LEVEL: env.POWERTOOLS_LOG_LEVEL,
    // the metrics (EMF) are CloudWatch's: on one machine they would only be noise on stdout
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const config = loadConfig();
  const streamArn = await ensureTable(
    createDynamoDbClient({ region: config.AWS_REGION, endpoint: db.endpoint }),
    config.TABLE_NAME,
  );
  const seedPorts = portsFromConfig(config);
  const demoDay = nextDemoDay(new Date());
  const seeded = args['no-seed']
    ? 'skipped'
    : `${await seedDemo(seedPorts)}; requests for ${demoDay}: ${await seedDemoDay(seedPorts, demoDay)}`;

  // Import the handlers only now: like Lambda, they read their configuration at cold start.
  const [api, sendSms, remind, inboundSms, sweepOutbox, ivr, smsReceipts, standingOrders] = await Promise.all(
    [
      import('../../functions/api/handler'),
      import('../../functions/send-sms/handler'),
      import('../../functions/remind/handler'),
      import('../../functions/inbound-sms/handler'),
      import('../../functions/sweep-outbox/handler'),
      import('../../functions/ivr/handler'),
      import('../../functions/sms-receipts/handler'),
      import('../../functions/generate-standing-orders/handler'),
    ],
  );
  // The api hands planning jobs to the `plan` function; here it runs in the background of this
  // process (its engine in a worker thread), as an asynchronous Lambda invoke would.
  const plan = await import('../../functions/plan/handler');
  const airRaids = await import('../../functions/poll-air-raids/handler');
  registerPlanJobHandler((event) => plan.handler(event, lambdaContext('plan')));
  // The local carrier: receipts for every message the sink "sent" (LOCAL_SMS_FAIL_SHARE fail),
  // resumed after a restart from its checkpoint in the data folder, as End User Messaging's event
  // destination delivers what it holds once our side is back. Started before anything can send
  // (the API, the stream, the schedules), so its first checkpoint precedes this life's SMS.
  receipts = new LocalReceipts(
    config.SMS_SINK_FILE!,
    smsReceipts.handler,
    env,
    config.SMS_PRICE_PER_SEGMENT_USD,
    args['in-memory'] ? undefined : resolve(args['data-dir'], 'sms-receipts-checkpoint.json'),
  );
  await receipts.start();
  server = await serveHttpApi(api.handler, {
    port: env.PORT,
    actor: 'local-dispatcher',
    // Stands in for a phone replying to the long code: the same SNS event AWS delivers.
    localRoutes: {
      'POST /_local/inbound-sms': (body) => deliverInboundSms(inboundSms.handler, body),
      // Stands in for the Amazon Connect contact flow: one step of a call (npm run phone).
      'POST /_local/ivr': (body) => callStep(ivr.handler, body),
      // Stands in for the carrier: a delivery receipt for one message, e.g. a failure to try.
      'POST /_local/sms-receipt': (body) => deliverSmsReceipt(smsReceipts.handler, body),
      // The demo's day of requests (the next working day in Kyiv), for scripts and the README.
      'GET /_local/demo-day': async () => ({ status: 200, body: nextDemoDay(new Date()) }),
    },
    consoleDir: fileURLToPath(new URL('../../console/', import.meta.url)),
  });
  poller = new StreamPoller(streamArn, db.endpoint, {
    functionName: 'send-sms',
    handler: sendSms.handler,
    filter: outboxFilterPattern,
    batchSize: 10,
    retryAttempts: 5,
    failedRecordsFile: resolve(localDir, 'failed-stream-records.jsonl'),
  });
  poller.start();
  scheduler = new LocalScheduler([
    {
      functionName: 'remind',
      handler: remind.handler,
      // as in AWS: every 15 min; each hromada's reminders at its rules.reminderTime
      everyMs: 15 * 60_000,
      input: { job: 'queue-reminders' },
    },
    // As in AWS at 05:00, and once at start: the standing orders' rides of the days ahead.
    {
      functionName: 'generate-standing-orders',
      handler: standingOrders.handler,
      at: '05:00',
      timeZone: 'Europe/Kyiv',
      input: { job: 'generate-standing-orders' },
      alsoAtStart: true,
    },
    // As in AWS: every 15 minutes, tomorrow's mobile-case stops are announced once it is time.
    {
      functionName: 'announce-case-stops',
      runsOn: 'remind',
      handler: remind.handler,
      everyMs: 15 * 60_000,
      input: { job: 'announce-case-stops' },
    },
    // As in AWS: every minute, SMS a crashed sender left `sending` are sent again (or failed).
    {
      functionName: 'sweep-outbox',
      handler: sweepOutbox.handler,
      everyMs: 60_000,
      input: { job: 'sweep-outbox' },
    },
    // As in AWS: every minute, air-raid alerts from the (stub) feed; stops shifted while one lasts.
    {
      functionName: 'poll-air-raids',
      handler: airRaids.handler,
      everyMs: 60_000,
      input: { job: 'poll-air-raids' },
    },
  ]);
  scheduler.start();

  console.log(`hromada-dispatch is running (${((Date.now() - started) / 1000).toFixed(1)} s)
  API            http://127.0.0.1:${env.PORT}   (try /health, /hromady/khmilnytska/residents)
  console        http://127.0.0.1:${env.PORT}/console/
  DynamoDB Local ${db.endpoint}  ${args['in-memory'] ? '(in memory)' : `(data in ${args['data-dir']})`}
  demo data      ${seeded}
  SMS sink       ${config.SMS_SINK_FILE}  (receipts: ${env.LOCAL_SMS_FAIL_SHARE * 100}% fail, ${env.LOCAL_SMS_DELAY_SHARE * 100}% ${env.LOCAL_SMS_DELAY_SECONDS} s late)
  failed records ${resolve(localDir, 'failed-stream-records.jsonl')}
  schedules      ${scheduler.describe().join('; ')}
Ctrl-C stops everything.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
