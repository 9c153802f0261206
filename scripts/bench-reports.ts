/**
 * `npm run bench:reports`: a month of a 300-trip-a-day hromada on a fresh DynamoDB Local (in
 * memory), written through the repository's `commit` (so each request's report day is kept as in
 * production), and a published plan of 12 routes per day. Then the 31-day trips, on-time and
 * operations reports through `runReport`, timed, with the read capacity DynamoDB reports
 * (`ReturnConsumedCapacity: TOTAL`), against reading the month's requests day by day (pattern 5,
 * what the reports read before RP2). Writes the section `reports-aggregates` of docs/benchmarks.md.
 *
 *   npm run bench:reports [-- --per-day 300 --runs 3]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { createDocumentClient, createDynamoDbClient } from '../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../shared/adapters/dynamodb/dynamodb-entity-repository';
import { DynamoDbOutboxRepository } from '../shared/adapters/dynamodb/dynamodb-outbox-repository';
import { ensureTable } from '../shared/adapters/dynamodb/table';
import { UlidIds } from '../shared/adapters/system/ulid-ids';
import { createHromada } from '../shared/app/registry';
import { type ReportName, runReport } from '../shared/app/reports/run-report';
import type { Plan } from '../shared/domain/entities/plan';
import { hromadaKind, parseFields } from '../shared/domain/registry';
import { addDays } from '../shared/domain/time';
import type { Change } from '../shared/ports/entity-repository';
import { request } from '../test/support/report-fixtures';
import { machineLine, quantile, r, writeDocSection } from './lib/bench';

const { values } = parseArgs({
  options: { 'per-day': { type: 'string', default: '300' }, runs: { type: 'string', default: '3' } },
});
const perDay = Number(values['per-day']);
const runs = Number(values.runs);
const H = 'bench';
const FROM = '2027-03-01';
const month = Array.from({ length: 31 }, (_, d) => addDays(FROM, d));
const TO = month.at(-1) ?? FROM;
const SETTLEMENTS = Array.from({ length: 12 }, (_, i) => `UA0512017${String(i).padStart(10, '0')}`);

const db = await startDynamoDbLocal();
try {
  const client = createDynamoDbClient({ region: 'eu-central-1', endpoint: db.endpoint });
  // every read reports its capacity: the middleware asks for it and adds it up
  let capacity = 0;
  let calls = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
      capacity += consumed?.CapacityUnits ?? 0;
      calls += 1;
      return out;
    },
    { step: 'initialize', name: 'consumedCapacity' },
  );
  const table = 'bench-reports';
  await ensureTable(client, table);
  const doc = createDocumentClient(client);
  const entities = new DynamoDbEntityRepository(doc, table);
  const ports = { entities, outbox: new DynamoDbOutboxRepository(doc, table) };
  const clock = { now: () => new Date() };
  const hromada = parseFields(hromadaKind, { id: H, name: 'Bench' });
  await createHromada({ entities, clock, ids: new UlidIds() }, hromada, 'bench');

  const t0 = performance.now();
  for (const [d, date] of month.entries()) {
    const changes: Change[] = [];
    for (let i = 0; i < perDay; i++) {
      const status = (['done', 'done', 'done', 'no-show', 'cancelled'] as const)[i % 5] ?? 'done';
      const start = `${String(6 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      const item = request(`d${d}r${i}`, {
        status,
        date,
        start,
        hromadaId: H,
        residentId: `res${i % 900}`,
        settlementId: SETTLEMENTS[i % SETTLEMENTS.length] ?? null,
        serviceType: (['social-taxi', 'social-taxi', 'delivery', 'mobile-brigade'] as const)[i % 4],
      });
      changes.push({ op: 'create', entity: 'ServiceRequest', item });
    }
    changes.push({ op: 'create', entity: 'Plan', item: planOf(date) });
    for (let i = 0; i < changes.length; i += 25) await entities.commit(changes.slice(i, i + 25));
  }
  const writeS = (performance.now() - t0) / 1000;

  const measure = async (what: () => Promise<unknown>) => {
    const times: number[] = [];
    let units = 0;
    let requests = 0;
    for (let i = 0; i < runs; i++) {
      capacity = 0;
      calls = 0;
      const t = performance.now();
      await what();
      times.push(performance.now() - t);
      units = capacity;
      requests = calls;
    }
    return { ms: quantile(times, 0.5), units, requests };
  };
  const rows: string[] = [];
  for (const name of ['trips', 'on-time', 'operations'] as ReportName[]) {
    const m = await measure(() => runReport(ports, H, name, { from: FROM, to: TO }, 0.05));
    rows.push(`| ${name}, 31 report days | ${m.requests} | ${r(m.units, 1)} | ${r(m.ms, 0)} |`);
  }
  const scan = await measure(async () => {
    for (const date of month) await entities.requests.forDay(H, date);
  });
  rows.push(
    `| the month's ${perDay * 31} requests day by day (pattern 5, before RP2) | ${scan.requests} | ${r(scan.units, 1)} | ${r(scan.ms, 0)} |`,
  );
  const body = `## Reports from report days (RP1, RP2) — \`npm run bench:reports\`

A month (31 days) of a ${perDay}-trip-a-day hromada (3/5 done, 1/5 no-show, 1/5 cancelled; four
services, 12 settlements) written through \`commit\` in transactions of 25 (each keeps its report
day: ${r(writeS, 1)} s for ${perDay * 31} requests and 31 plans), then each report ${runs} times on
DynamoDB Local (in memory). Read capacity as DynamoDB Local reports it with
\`ReturnConsumedCapacity: TOTAL\` (eventually consistent queries: 0.5 unit per 4 KB), for one run
(the hromada's GetItem included); time: the median of the runs. ${machineLine()}

| read | DynamoDB calls | read capacity units | time, ms |
|---|---|---|---|
${rows.join('\n')}

DynamoDB Local is not DynamoDB: the time shows the shape, not a latency to promise; the capacity
units are what DynamoDB would bill for the same items.`;
  writeDocSection('reports-aggregates', body);
  console.log(body);
} finally {
  await db.stop();
}

/** A published plan of 12 routes, 25 pickups and drop-offs each, 80 km and 8 h. */
function planOf(date: string): Plan {
  const at = (minutes: number) => new Date(Date.parse(`${date}T06:00:00Z`) + minutes * 60_000).toISOString();
  return {
    id: date,
    hromadaId: H,
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    date,
    status: 'published',
    unassigned: [],
    routes: Array.from({ length: 12 }, (_, v) => ({
      vehicleId: `car-${v}`,
      driverId: `drv-${v}`,
      distanceM: 80_000,
      durationS: 8 * 3600,
      stops: Array.from({ length: 25 }, (_, s) => [
        { requestId: `p${v}-${s}`, kind: 'pickup' as const, arrival: at(s * 18), departure: at(s * 18 + 2) },
        {
          requestId: `p${v}-${s}`,
          kind: 'dropoff' as const,
          arrival: at(s * 18 + 12),
          departure: at(s * 18 + 14),
        },
      ]).flat(),
    })),
  };
}
