import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { entityKey } from '../../shared/adapters/dynamodb/keys';
import { reportDayKey } from '../../shared/adapters/dynamodb/report-day-items';
import { UlidIds } from '../../shared/adapters/system/ulid-ids';
import { backfillReportDays } from '../../shared/app/reports/backfill-report-days';
import type { Plan } from '../../shared/domain/entities/plan';
import type { ServiceRequest } from '../../shared/domain/entities/service-request';
import { apiEvent } from '../support/api-events';
import { request, SETTLEMENT_B } from '../support/report-fixtures';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';
import { FixedClock } from './support';

/**
 * Days written before report days existed: their requests carry no `reportedAs` and the day has no
 * counters item, or one that missed them. `npm run backfill:report-days` counts them with the same
 * deltas as a create; a second run changes nothing.
 */
const H = 'khmilnytska';
const OLD = '2026-03-10';
const MIXED = '2026-03-11';
let call: Call;
let table: Awaited<ReturnType<typeof apiOnFreshTable>>['table'];

beforeAll(async () => {
  ({ call, table } = await apiOnFreshTable('backfill'));
  await createDemoHromada(call);
});

const report = (name: string, from: string, to: string) =>
  call(apiEvent('GET', `/hromady/${H}/reports/${name}?from=${from}&to=${to}`));
const ports = () => ({ entities: table.entities, clock: new FixedClock(new Date()), ids: new UlidIds() });

/** Written as before report days: stored, then its bucket and its day's counters taken away. */
async function writtenLegacy(requests: ServiceRequest[], plan?: Plan) {
  await table.entities.commit([
    ...requests.map((item) => ({ op: 'create' as const, entity: 'ServiceRequest' as const, item })),
    ...(plan ? [{ op: 'create' as const, entity: 'Plan' as const, item: plan }] : []),
  ]);
  for (const r of requests) {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: entityKey('ServiceRequest', H, r.id),
        UpdateExpression: 'REMOVE reportedAs',
      }),
    );
  }
  for (const date of new Set(requests.map((r) => r.date)))
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: reportDayKey(H, date) }));
}

const legacyPlan = (date: string, requestId: string): Plan =>
  ({
    id: date,
    hromadaId: H,
    version: 1,
    createdAt: `${date}T06:00:00.000Z`,
    updatedAt: `${date}T06:00:00.000Z`,
    date,
    status: 'published',
    unassigned: [],
    routes: [
      {
        vehicleId: 'taxi-1',
        distanceM: 20_000,
        durationS: 7200,
        stops: [
          { requestId, kind: 'pickup', arrival: `${date}T08:00:00.000Z`, departure: `${date}T08:00:00.000Z` },
          {
            requestId,
            kind: 'dropoff',
            arrival: `${date}T08:30:00.000Z`,
            departure: `${date}T08:30:00.000Z`,
          },
        ],
      },
    ],
  }) as unknown as Plan;

describe('npm run backfill:report-days on DynamoDB Local', () => {
  it('counts the days written before report days existed, as the reports counted them; twice changes nothing', async () => {
    const at = (date: string, id: string, fields: Parameters<typeof request>[1]) =>
      request(id, { hromadaId: H, date, ...fields });
    await writtenLegacy(
      [
        { ...at(OLD, 'old-done', { status: 'done' }), pickedUpAt: `${OLD}T08:00:00.000Z` },
        at(OLD, 'old-noshow', { status: 'no-show', settlementId: SETTLEMENT_B }),
        // cancelled 5 h before its window (no cancelKind then): early under the 2 h rule
        at(OLD, 'old-early', { status: 'cancelled', start: '12:00', updatedAt: `${OLD}T07:00:00.000Z` }),
        // cancelled 1 h before: late
        at(OLD, 'old-late', { status: 'cancelled', start: '12:00', updatedAt: `${OLD}T11:00:00.000Z` }),
        at(OLD, 'old-delivery', { status: 'done', serviceType: 'delivery' }),
        at(MIXED, 'mixed-old', { status: 'done' }),
      ],
      legacyPlan(OLD, 'old-done'),
    );
    // a request written since: its day's counters hold it alone
    await table.entities.commit([
      { op: 'create', entity: 'ServiceRequest', item: at(MIXED, 'mixed-new', { status: 'requested' }) },
    ]);

    const before = await report('trips', OLD, OLD);
    expect(before.body).toMatchObject({ daysAggregated: 0, daysFromRequests: 1 });
    expect((await report('trips', MIXED, MIXED)).body.totals.requests).toBe(1); // the old one is missed

    const first = await backfillReportDays(ports(), H, { from: OLD, to: MIXED }, 'test');
    expect(first).toEqual({ dates: 2, requests: 6, plannedDays: 1, transactions: 2 });

    const after = await report('trips', OLD, OLD);
    expect(after.body).toMatchObject({ daysAggregated: 1, daysFromRequests: 0 });
    expect(after.body.totals).toEqual(before.body.totals);
    expect(after.body.totals).toEqual({
      requests: 5,
      done: 2,
      noShow: 1,
      cancelledEarly: 1,
      cancelledLate: 1,
      open: 0,
    });
    expect(after.body.bySettlement).toEqual(before.body.bySettlement);
    expect((await report('trips', MIXED, MIXED)).body.totals).toMatchObject({
      requests: 2,
      done: 1,
      open: 1,
    });
    const ops = await report('operations', OLD, OLD);
    expect(ops.body.byVehicle).toEqual([
      { vehicleId: 'taxi-1', days: 1, km: 20, hours: 2, reportedKm: null },
    ]);
    const onTime = await report('on-time', OLD, OLD);
    expect(onTime.body.totals).toMatchObject({ done: 2, onTime: 1 });

    const days = await table.entities.reportDays.between(H, OLD, MIXED);
    const requests = [
      ...(await table.entities.requests.forDay(H, OLD)),
      ...(await table.entities.requests.forDay(H, MIXED)),
    ];
    expect(requests.every((r) => r.reportedAs)).toBe(true);
    expect(requests.find((r) => r.id === 'old-late')?.cancelKind).toBe('late');

    const second = await backfillReportDays(ports(), H, { from: OLD, to: MIXED }, 'test');
    expect(second).toEqual({ dates: 2, requests: 0, plannedDays: 0, transactions: 0 });
    expect(await table.entities.reportDays.between(H, OLD, MIXED)).toEqual(days);
    const again = [
      ...(await table.entities.requests.forDay(H, OLD)),
      ...(await table.entities.requests.forDay(H, MIXED)),
    ];
    expect(again).toEqual(requests);
  });
});
