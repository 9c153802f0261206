import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../../functions/api/routes';
import { lambdaContext } from '../../../../infra/local/lambda-context';
import { createHromada } from '../../../../shared/app/registry';
import { httpHandler } from '../../../../shared/http/api-handler';
import { Router } from '../../../../shared/http/router';
import { apiEvent } from '../../../support/api-events';
import { FakeClock, HROMADA, memoryPorts, seedBasics } from '../../../support/fixtures';
import { dispatcherOf } from '../../../support/fuzz/api-fuzz';
import { setHromadaAreas } from '../../../support/hromada-areas';
import { hromadaOf } from '../../../support/inputs';

async function api() {
  const { ports, clock } = memoryPorts(new FakeClock(new Date('2026-11-24T07:00:00Z')));
  await seedBasics(ports);
  const handler = httpHandler(new Router(apiRoutes(ports)));
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await handler(
      apiEvent(method, `/hromady/${HROMADA}${path}`, body, undefined, dispatcherOf(HROMADA)),
      lambdaContext('api'),
    );
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };
  return { call, clock, ports };
}

describe('the air-raid routes', () => {
  it('start (201), a second start answered as is (200), end (200), end again (409 with the reason), the log', async () => {
    const { call, clock } = await api();
    const started = await call('POST', '/air-raids', {});
    expect(started).toMatchObject({
      status: 201,
      body: { started: true, area: { level: 'hromada', id: HROMADA } },
    });
    const again = await call('POST', '/air-raids', {});
    expect(again).toMatchObject({ status: 200, body: { started: false, id: started.body.id } });
    clock.at = new Date('2026-11-24T07:30:00Z');
    const ended = await call('POST', '/air-raids/end');
    expect(ended).toMatchObject({
      status: 200,
      body: { id: started.body.id, endedAt: '2026-11-24T07:30:00.000Z' },
    });
    const none = await call('POST', '/air-raids/end');
    expect(none.status).toBe(409);
    expect(none.body.error.reason).toMatch(/немає повітряної тривоги/);
    const log = await call('GET', '/air-raids');
    expect(log.body.items.map((a: { id: string }) => a.id)).toEqual([started.body.id]);
  });

  it('a raion alert needs the raion in the hromada card: 400 with the reason', async () => {
    const { call } = await api();
    const refused = await call('POST', '/air-raids', { level: 'raion' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.reason).toMatch(/не вказано код району/);
    expect((await call('POST', '/air-raids', { level: 'province' })).status).toBe(400);
  });
  it("an oblast alert while the hromada's own is in force: 201 for the other hromady it reached, named in `spread`", async () => {
    const { call, ports } = await api();
    await setHromadaAreas(ports, HROMADA, { oblastId: 'UA05000000000010236' });
    const near = hromadaOf({
      id: 'sokolivska',
      name: 'Соколівська громада',
      oblastId: 'UA05000000000010236',
    });
    await createHromada(ports, near, 'test');
    const own = await call('POST', '/air-raids', {});
    const oblast = await call('POST', '/air-raids', { level: 'oblast' });
    expect(oblast).toMatchObject({
      status: 201,
      body: { id: own.body.id, started: false, spread: { reached: ['Соколівська громада'], failed: [] } },
    });
    expect(await ports.entities.airRaids.active('sokolivska')).toMatchObject({
      startedFrom: { hromadaId: HROMADA, alertId: own.body.id },
    });
    // pressed again: nothing new anywhere, 200
    expect((await call('POST', '/air-raids', { level: 'oblast' })).status).toBe(200);
  });
});
