import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiEvent } from '../support/api-events';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';

let call: Call;

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('imports'));
  await createDemoHromada(call);
});

const base64Of = (name: string) =>
  readFileSync(path.join(__dirname, '../fixtures/import', name)).toString('base64');
/**
 * Upload a file (202, the job and its Location), poll the job until it ends (its progress never
 * goes back, rows done never pass rows in all), and answer the job's report as the body.
 */
async function importFile(kind: string, name: string, dryRun = false) {
  const started = await call(
    apiEvent('POST', `/hromady/khmilnytska/imports/${kind}`, { csv: base64Of(name), dryRun }),
  );
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ state: 'queued', kind, dryRun });
  expect(started.body).not.toHaveProperty('file');
  const location = String(started.headers.location);
  expect(location).toBe(`/hromady/khmilnytska/imports/${started.body.id}`);
  let lastDone = 0;
  for (;;) {
    const job = await call(apiEvent('GET', location));
    expect(job.status).toBe(200);
    expect(job.body).not.toHaveProperty('file');
    const progress = job.body.progress as { done: number; total: number } | undefined;
    if (progress) {
      expect(progress.done).toBeGreaterThanOrEqual(lastDone);
      expect(progress.done).toBeLessThanOrEqual(progress.total);
      lastDone = progress.done;
    }
    if (job.body.state === 'done') return { status: 200, body: job.body.report, job: job.body };
    if (job.body.state === 'failed') return { status: 422, body: job.body, job: job.body };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const countsOf = (body: Record<string, unknown>) => ({
  created: body.created,
  updated: body.updated,
  unchanged: body.unchanged,
  failed: body.failed,
});

describe('CSV import through the API on DynamoDB Local: upload, then a job to poll', () => {
  it('imports settlements (Березна, already there without a code, is updated), then residents in Windows-1251', async () => {
    const settlements = await importFile('settlements', 'settlements.csv');
    expect(settlements.status).toBe(200);
    expect(settlements.job.progress).toEqual({ done: 6, total: 6 });
    expect(countsOf(settlements.body)).toEqual({ created: 2, updated: 1, unchanged: 0, failed: 3 });

    const dry = await importFile('residents', 'residents-cp1251.csv', true);
    expect(dry.body).toMatchObject({
      dryRun: true,
      encoding: 'windows-1251',
      separator: ';',
      created: 2,
      failed: 2,
    });
    const none = await call(apiEvent('GET', '/hromady/khmilnytska/residents'));
    expect(none.body.items).toEqual([]);

    const first = await importFile('residents', 'residents-cp1251.csv');
    expect(countsOf(first.body)).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 2 });
    expect(first.body.items[1]).toEqual({
      row: 3,
      action: 'error',
      errors: [{ field: 'Телефон', reason: 'недійсний номер телефону: «068 12»' }],
    });
    const again = await importFile('residents', 'residents-cp1251.csv');
    expect(countsOf(again.body)).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 2 });
    const stored = await call(apiEvent('GET', '/hromady/khmilnytska/residents'));
    expect(stored.body.items.map((r: { version: number }) => r.version)).toEqual([1, 1]);
  });

  it('refuses a kind that cannot be imported and a body that is not base64, with 400', async () => {
    const depots = await call(apiEvent('POST', '/hromady/khmilnytska/imports/depots', { csv: 'YQ==' }));
    expect(depots.status).toBe(400);
    const bad = await call(apiEvent('POST', '/hromady/khmilnytska/imports/residents', { csv: 'не base64' }));
    expect(bad.status).toBe(400);
  });

  it('imports regular rides (standing orders): the bad row reported, a second import changes nothing, a dry run writes nothing', async () => {
    const resident = await call(
      apiEvent('POST', '/hromady/khmilnytska/residents', {
        name: 'Ганна Шевчук',
        phone: '067 123 45 67',
        settlementId: 'UA05120170020086400',
        address: 'с. Березна, вул. Шевченка, 12',
        location: { lat: 49.5611, lon: 27.8452 },
        categories: ['disability-2'],
      }),
    );
    expect(resident.status).toBe(201);
    const place = await call(
      apiEvent('POST', '/hromady/khmilnytska/places', {
        id: 'hospital',
        name: 'Хмільницька лікарня',
        kind: 'hospital',
        address: 'м. Хмільник, вул. Монастирська, 71',
        location: { lat: 49.5603, lon: 27.9571 },
        settlementId: 'UA05120170020086400',
      }),
    );
    expect(place.status).toBe(201);
    const orders = async () =>
      (await call(apiEvent('GET', '/hromady/khmilnytska/standing-orders'))).body.items;

    const dry = await importFile('standing-orders', 'standing-orders.csv', true);
    expect(dry.body).toMatchObject({ dryRun: true, created: 2, failed: 1 });
    expect(await orders()).toEqual([]);

    const first = await importFile('standing-orders', 'standing-orders.csv');
    expect(countsOf(first.body)).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 1 });
    expect(first.body.items[2]).toMatchObject({ row: 4, action: 'error', errors: [{ field: 'Телефон' }] });
    const stored = await orders();
    expect(stored).toHaveLength(2);
    const again = await importFile('standing-orders', 'standing-orders.csv');
    expect(countsOf(again.body)).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 1 });
    expect(await orders()).toEqual(stored);
  });
});
