import { describe, expect, it } from 'vitest';
import { type FuzzCase, leakIn, runFuzz } from '../../support/fuzz/api-fuzz';

/**
 * A seeded, bounded run of the API fuzz (`npm run fuzz:api` runs the same generators longer):
 * every route, with hostile path params (traversal, %-encodings, NUL, huge, unicode), query,
 * headers and bodies (wrong types, huge strings, NUL, lone surrogates, invalid UTF-8, impossible
 * dates, the Kyiv DST edges), as admins, dispatchers of either hromada, and callers without or
 * with odd claims. The API never answers 5xx and never shows a stack trace, an AWS name or a
 * JavaScript internal.
 */
const request: FuzzCase = { method: 'GET', rawPath: '/x', query: {}, headers: {}, isBase64Encoded: false };

describe('the leak detector', () => {
  it.each([
    ['a stack frame', 'Error: boom\n    at handle (/var/task/index.mjs:12:5)'],
    ['a source position', '{"message":"failed in router.ts:42"}'],
    ['an AWS error name', '{"message":"ConditionalCheckFailedException"}'],
    ['a table ARN', '{"message":"arn:aws:dynamodb:eu-central-1:1:table/t"}'],
    ['a JavaScript internal', '{"message":"Cannot read properties of undefined (reading \'id\')"}'],
  ])('finds %s', (_what, body) => {
    expect(leakIn(body, request)).toBeDefined();
  });

  it('does not count what the request itself sent and the API echoed back', () => {
    const echoed = { ...request, headers: { 'content-type': 'ConditionalCheckFailedException' } };
    expect(
      leakIn(
        '{"message":"Content-Type must be application/json, not conditionalcheckfailedexception"}',
        echoed,
      ),
    ).toBeUndefined();
    expect(
      leakIn('{"error":{"code":"validation","message":"Invalid resident: name: too long"}}', request),
    ).toBeUndefined();
  });
});

describe('the API under hostile input (seeded)', () => {
  // more routes share the inputs: 600 since the tours' job, cancel and withdraw routes (with 500,
  // 12 of the seeded inputs reached a 2xx, under the bound; no 5xx and no leak either way)
  it('answers 600 inputs without a 5xx or a leak, and reaches the use cases', async () => {
    const report = await runFuzz(600, 20_261_113);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ inputs: 600, status5xx: 0, leaks: 0 });
    const reached = (from: number, to: number) =>
      Object.entries(report.statuses)
        .filter(([s]) => Number(s) >= from && Number(s) < to)
        .reduce((n, [, c]) => n + c, 0);
    // Valid-ish inputs reach the use cases (2xx, 404 of a well-formed id, 409), invalid ones the schemas.
    // (The inputs are spread over every route; routes that answer 2xx only on a stored plan, such as
    // the board's, take their share: 20 of these 400 reach a 2xx.)
    expect(reached(200, 300)).toBeGreaterThanOrEqual(15);
    expect(report.statuses[400]).toBeGreaterThan(100);
    expect(report.statuses[403]).toBeGreaterThan(20);
    // 400 requests through the whole API: seconds, more on a busy machine (a limit, not a measure)
  }, 60_000);
});
