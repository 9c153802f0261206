/**
 * npm run backfill:report-days -- --hromada ID --from YYYY-MM-DD --to YYYY-MM-DD
 *   [--endpoint URL] [--table NAME]
 *
 * Writes the report days (RP1) of the days written before report days existed, from their requests
 * and published plans (shared/app/reports/backfill-report-days.ts), at most 92 days a run. Against
 * the local platform's DynamoDB Local (`--endpoint` or `DYNAMODB_ENDPOINT`, as `npm start` prints
 * it; `TABLE_NAME`, default `hromada-dispatch`) or, with AWS credentials and no endpoint, the
 * table in AWS. Running it twice changes nothing: the second run prints `requests=0 transactions=0`.
 */
import { parseArgs } from 'node:util';
import { createDocumentClient, createDynamoDbClient } from '../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../shared/adapters/dynamodb/dynamodb-entity-repository';
import { SystemClock } from '../shared/adapters/system/system-clock';
import { UlidIds } from '../shared/adapters/system/ulid-ids';
import { backfillReportDays } from '../shared/app/reports/backfill-report-days';
import { localDateSchema } from '../shared/domain/common';

const { values } = parseArgs({
  options: {
    hromada: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    endpoint: { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
    table: { type: 'string', default: process.env.TABLE_NAME ?? 'hromada-dispatch' },
  },
});

const from = localDateSchema.safeParse(values.from);
const to = localDateSchema.safeParse(values.to);
if (!values.hromada || !from.success || !to.success) {
  console.error('usage: npm run backfill:report-days -- --hromada ID --from YYYY-MM-DD --to YYYY-MM-DD');
  process.exit(2);
}
const client = createDynamoDbClient({
  region: process.env.AWS_REGION ?? 'eu-central-1',
  ...(values.endpoint ? { endpoint: values.endpoint } : {}),
});
const entities = new DynamoDbEntityRepository(createDocumentClient(client), values.table!);
const result = await backfillReportDays(
  { entities, clock: new SystemClock(), ids: new UlidIds() },
  values.hromada,
  { from: from.data, to: to.data },
  'backfill-report-days',
);
console.log(
  `backfill ${values.hromada} ${from.data}..${to.data}: dates=${result.dates} requests=${result.requests} planned_days=${result.plannedDays} transactions=${result.transactions}`,
);
