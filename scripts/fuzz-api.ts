/**
 * The API fuzz, longer than the seeded run in `npm test` (test/unit/http/fuzz-api.test.ts): every
 * route on memory ports, hostile params, query, headers and bodies, several callers.
 *
 *   npm run fuzz:api -- [--count 10000] [--seed 1]
 *
 * Prints the statuses seen, up to 20 findings (a 5xx or a leak: a stack trace, an AWS name or a
 * JavaScript internal in a response), and as its last line `fuzz inputs=N status5xx=X leaks=Y`.
 * Exits 1 if there is any finding.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: npm run fuzz:api -- [--count N] [--seed S]');
  process.exit(2);
}
// A 5xx is counted here, not logged (set before the logger is first imported).
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
const { runFuzz } = await import('../test/support/fuzz/api-fuzz');

const started = performance.now();
const report = await runFuzz(count, seed);
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
