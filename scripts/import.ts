/**
 * npm run import -- FILE --hromada ID --kind residents|drivers|settlements|vehicles|standing-orders [--dry-run]
 *   [--endpoint URL] [--table NAME] [--concurrency N]
 * npm run import -- --bench N    (N generated residents on a fresh in-memory DynamoDB Local, timed)
 *
 * Imports a CSV export straight through the use cases (no HTTP body limit), against the local
 * platform's DynamoDB Local (`DYNAMODB_ENDPOINT`, `TABLE_NAME`, default `hromada-dispatch`), with
 * a progress line; prints the rows that failed and the totals. Exit 1 when a row failed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { createDocumentClient, createDynamoDbClient } from '../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../shared/adapters/dynamodb/dynamodb-entity-repository';
import { ensureTable } from '../shared/adapters/dynamodb/table';
import { OfflineTravelTimes } from '../shared/adapters/offline-travel-times/offline-travel-times';
import { SystemClock } from '../shared/adapters/system/system-clock';
import { UlidIds } from '../shared/adapters/system/ulid-ids';
import { type ImportReport, importCsv } from '../shared/app/import/import-csv';
import { isImportablePlural } from '../shared/app/import/import-kinds';
import { createEntity, createHromada } from '../shared/app/registry';
import { hromadaKind, parseFields, registryKinds } from '../shared/domain/registry';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    hromada: { type: 'string' },
    kind: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    endpoint: { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
    table: { type: 'string', default: process.env.TABLE_NAME ?? 'hromada-dispatch' },
    concurrency: { type: 'string', default: '8' },
    bench: { type: 'string' },
  },
});

function portsAt(endpoint: string, table: string) {
  const client = createDynamoDbClient({ region: process.env.AWS_REGION ?? 'eu-central-1', endpoint });
  const entities = new DynamoDbEntityRepository(createDocumentClient(client), table);
  // travel times: a standing order books its rides of the days ahead (offline estimates, as npm start)
  const travel = new OfflineTravelTimes();
  return { client, ports: { entities, clock: new SystemClock(), ids: new UlidIds(), travel } };
}

function progress(done: number, total: number) {
  if (done % 100 === 0 || done === total) process.stderr.write(`\r${done}/${total} рядків`);
  if (done === total) process.stderr.write('\n');
}

function summary(report: ImportReport): string {
  const verb = report.dryRun ? 'було б ' : '';
  return `${report.rows} рядків (${report.encoding}, «${report.separator}»): ${verb}створено ${report.created}, ${verb}оновлено ${report.updated}, без змін ${report.unchanged}, помилок ${report.failed}`;
}

async function importFile() {
  const [file] = positionals;
  const kind = values.kind ?? '';
  if (!file || !values.hromada || !isImportablePlural(kind) || !values.endpoint) {
    console.error(
      'npm run import -- FILE --hromada ID --kind residents|drivers|settlements|vehicles|standing-orders [--dry-run]',
    );
    console.error('DynamoDB Local: --endpoint URL or DYNAMODB_ENDPOINT (printed by npm start)');
    process.exit(2);
  }
  const { ports } = portsAt(values.endpoint, values.table);
  const report = await importCsv(ports, values.hromada, kind, new Uint8Array(readFileSync(file)), {
    dryRun: values['dry-run'],
    actor: `import:${process.env.USER ?? 'cli'}`,
    concurrency: Number(values.concurrency),
    onProgress: progress,
  });
  for (const warning of report.warnings) console.log(`увага: ${warning}`);
  for (const item of report.items)
    for (const e of item.errors ?? []) console.log(`рядок ${item.row}: ${e.field}: ${e.reason}`);
  console.log(summary(report));
  process.exitCode = report.failed > 0 ? 1 : 0;
}

/** N residents of one village, phones +38067xxxxxxx, as a Ukrainian office's `;` export. */
function residentsCsv(n: number): Uint8Array {
  const lines = ['ПІБ;Телефон;Населений пункт;Адреса;Широта;Довгота;Візок;Згода на SMS'];
  for (let i = 0; i < n; i++) {
    const phone = `067${String(1_000_000 + i).padStart(7, '0')}`;
    lines.push(
      `Мешканець ${i};${phone};Березна;вул. Шевченка, ${i + 1};49,56;27,84;${i % 10 === 0 ? 'так' : 'ні'};так`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

async function bench(n: number) {
  const db = await startDynamoDbLocal();
  try {
    const table = `import-bench-${Date.now()}`;
    const { client, ports } = portsAt(db.endpoint, table);
    await ensureTable(client, table);
    await createHromada(
      ports,
      parseFields(hromadaKind, { id: 'bench', name: 'Громада', rules: {} }),
      'bench',
    );
    const village = { name: 'Березна', type: 'село', location: { lat: 49.56, lon: 27.84 } };
    await createEntity(
      ports,
      registryKinds.settlements,
      'bench',
      parseFields(registryKinds.settlements, village),
      'bench',
    );
    const bytes = residentsCsv(n);
    const options = {
      dryRun: false,
      actor: 'bench',
      concurrency: Number(values.concurrency),
      onProgress: progress,
    };
    for (const label of ['first import', 'same file again']) {
      const started = performance.now();
      const report = await importCsv(ports, 'bench', 'residents', bytes, options);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${label}: ${summary(report)} in ${seconds.toFixed(1)} s (${Math.round(n / seconds)} rows/s)`,
      );
    }
  } finally {
    await db.stop();
  }
}

await (values.bench ? bench(Number(values.bench)) : importFile());
