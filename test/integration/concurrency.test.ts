import { beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, loadEvent } from '../support/api-events';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';

let call: Call;

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('concurrency'));
  await createDemoHromada(call, { village: false });
});

describe('two dispatchers edit the same resident at once', () => {
  it('one wins, the other gets 409 with the current version, and nothing is lost', async () => {
    const created = await call(loadEvent('api/post-resident.json'));
    const id = created.body.id as string;
    const path = `/hromady/khmilnytska/residents/${id}`;

    const [a, b] = await Promise.all([
      call(apiEvent('PATCH', path, { version: 1, address: 'с. Березна, вул. Миру, 1' })),
      call(apiEvent('PATCH', path, { version: 1, smsConsent: false })),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error).toMatchObject({ code: 'conflict', currentVersion: 2 });

    // The loser reloads and applies its change on top of the winner's: both survive.
    const current = (await call(apiEvent('GET', path))).body;
    expect(current.version).toBe(2);
    const retry = a.status === 409 ? { address: 'с. Березна, вул. Миру, 1' } : { smsConsent: false };
    const after = await call(apiEvent('PATCH', path, { version: 2, ...retry }));
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ version: 3, address: 'с. Березна, вул. Миру, 1', smsConsent: false });
  });

  it('under a burst of 8 writers on one version exactly one write lands', async () => {
    const created = await call(loadEvent('api/post-resident.json'));
    const path = `/hromady/khmilnytska/residents/${created.body.id}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(apiEvent('PATCH', path, { version: 1, name: `Версія ${i}` }))),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    const winner = results.find((r) => r.status === 200)!.body.name;
    expect((await call(apiEvent('GET', path))).body).toMatchObject({ version: 2, name: winner });
  });

  it('deleting with a stale version is refused', async () => {
    const created = await call(loadEvent('api/post-resident.json'));
    const path = `/hromady/khmilnytska/residents/${created.body.id}`;
    await call(apiEvent('PATCH', path, { version: 1, smsConsent: false }));
    expect((await call(apiEvent('DELETE', `${path}?version=1`))).status).toBe(409);
    expect((await call(apiEvent('DELETE', `${path}?version=2`))).status).toBe(204);
    expect((await call(apiEvent('DELETE', `${path}?version=2`))).status).toBe(404);
  });
});
