/**
 * The API fuzz, longer than the seeded run in `npm test` (test/unit/http/fuzz-api.test.ts): every
 * route on memory ports, hostile params, query, headers and bodies, several callers.
 *
 *   npm run fuzz:api -- [--count 10000] [--seed 1] [--store memory|dynamodb]
 *
 * `--store dynamodb` runs the routes on the DynamoDB adapters, on a DynamoDB Local it starts
 * (Java 17), so that what the real store refuses (key and item sizes, expressions) is fuzzed too.
 *
 * Prints the statuses seen, up to 20 findings (a 5xx or a leak: a stack trace, an AWS name or a
 * JavaScript internal in a response), and as its last line `fuzz inputs=N status5xx=X leaks=Y`.
 * Exits 1 if there is any finding.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    store: { type: 'string', default: 'memory' },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (
  !Number.isSafeInteger(count) ||
  count < 1 ||
  !Number.isSafeInteger(seed) ||
  !['memory', 'dynamodb'].includes(values.store)
) {
  console.error('usage: npm run fuzz:api -- [--count N] [--seed S] [--store memory|dynamodb]');
  process.exit(2);
}
// A 5xx is counted here, not logged (set before the logger is first imported).
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
const { fuzzWorld, runFuzz } = await import('../test/support/fuzz/api-fuzz');

const started = performance.now();
const dynamo = values.store === 'dynamodb' ? await dynamoStore() : undefined;
const report = await runFuzz(count, seed, await fuzzWorld(dynamo?.store)).finally(() => dynamo?.stop());
const cut = (s: string | undefined) => (s && s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
for (const f of report.findings) {
  const { method, rawPath, body } = f.input;
  console.log(`${f.status}${f.leak ? ` leak=${JSON.stringify(f.leak)}` : ''} ${method} ${cut(rawPath)}`);
  console.log(`  request: ${JSON.stringify({ ...f.input, rawPath: cut(rawPath), body: cut(body) })}`);
  console.log(`  response: ${cut(f.body)}`);
}
const statuses = Object.entries(report.statuses)
  .map(([s, n]) => `${s}:${n}`)
  .join(' ');
console.log(`seed=${seed} statuses ${statuses} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(`fuzz inputs=${report.inputs} status5xx=${report.status5xx} leaks=${report.leaks}`);
process.exit(report.status5xx > 0 || report.leaks > 0 ? 1 : 0);

/** A fresh table on a DynamoDB Local of its own. */
async function dynamoStore() {
  const { startDynamoDbLocal } = await import('../infra/local/dynamodb-local');
  const { createDocumentClient, createDynamoDbClient } = await import('../shared/adapters/dynamodb/client');
  const { DynamoDbEntityRepository } = await import('../shared/adapters/dynamodb/dynamodb-entity-repository');
  const { DynamoDbOutboxRepository } = await import('../shared/adapters/dynamodb/dynamodb-outbox-repository');
  const { ensureTable } = await import('../shared/adapters/dynamodb/table');
  const db = await startDynamoDbLocal();
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  const client = createDynamoDbClient({ region: 'eu-central-1', endpoint: db.endpoint });
  const table = `fuzz-${seed}`;
  await ensureTable(client, table);
  const doc = createDocumentClient(client);
  const store = {
    entities: new DynamoDbEntityRepository(doc, table),
    outbox: new DynamoDbOutboxRepository(doc, table),
  };
  return { store, stop: () => db.stop() };
}
