import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../../functions/api/routes';
import { lambdaContext } from '../../../../infra/local/lambda-context';
import { withdrawConsent } from '../../../../shared/app/tours/withdraw-consent';
import { httpHandler } from '../../../../shared/http/api-handler';
import { Router } from '../../../../shared/http/router';
import { apiEvent } from '../../../support/api-events';
import { addSettlement, BEREZNA, HROMADA } from '../../../support/fixtures';
import { P, TURBIV, tourWorld } from './tour-world';

/**
 * GET /providers/{p}/service-area: the provider's user places a first tour's depot and nights at
 * the settlements of the hromady that agreed to its service, and reads nothing else of them.
 */
const provider = (providerId: string) => ({
  sub: 'prov-user',
  'cognito:groups': '[dispatchers]',
  'custom:provider_id': providerId,
});

async function area(claims: Record<string, string>, providerId = P) {
  const world = await tourWorld();
  // a settlement without a point cannot be a place: it is left out
  await addSettlement(world.ports, TURBIV, { id: 'vugly', name: 'Вугли', type: 'село', location: null });
  const handler = httpHandler(new Router(apiRoutes(world.ports)));
  const res = (await handler(
    apiEvent('GET', `/providers/${providerId}/service-area`, undefined, {}, claims),
    lambdaContext('api'),
  )) as { statusCode: number; body: string };
  return { world, status: res.statusCode, body: JSON.parse(res.body) };
}

describe("a provider's service area", () => {
  it('lists its home and agreeing hromady with their settlements that have a point, and no person', async () => {
    const { status, body } = await area(provider(P));
    expect(status).toBe(200);
    expect(body.providerHromadaId).toBe(HROMADA);
    expect(body.hromady.map((h: { hromadaId: string }) => h.hromadaId)).toEqual([HROMADA, TURBIV]);
    const [home, turbiv] = body.hromady;
    expect(home).toMatchObject({ home: true, agreement: { validFrom: '2026-11-01', validTo: '2027-12-31' } });
    expect(home.settlements.map((s: { id: string }) => s.id)).toContain(BEREZNA);
    expect(turbiv).toMatchObject({ home: false, name: 'Турбівська громада' });
    expect(turbiv.settlements).toEqual([
      { id: 'turbiv', name: 'Турбів', location: { lat: 49.339939, lon: 28.7260729 } },
    ]);
    // geography only: no resident, visit or request of any hromada
    const text = JSON.stringify(body);
    for (const hidden of ['Ганна Шевчук', 'оцінка потреб', 'v-khm-tue']) expect(text).not.toContain(hidden);
  });

  it('shows a withdrawn consent with its date', async () => {
    const world = await tourWorld();
    const agreement = (await world.ports.entities.tours.agreement(TURBIV, P))!;
    await withdrawConsent(
      world.ports,
      TURBIV,
      P,
      { version: agreement.version, from: '2026-12-01' },
      'admin',
    );
    const handler = httpHandler(new Router(apiRoutes(world.ports)));
    const res = (await handler(
      apiEvent('GET', `/providers/${P}/service-area`, undefined, {}, provider(P)),
      lambdaContext('api'),
    )) as { statusCode: number; body: string };
    const turbiv = JSON.parse(res.body).hromady.find((h: { hromadaId: string }) => h.hromadaId === TURBIV);
    expect(turbiv.agreement.withdrawnFrom).toBe('2026-12-01');
  });

  it('a provider without any agreement gets an empty area', async () => {
    const { status, body } = await area(provider('nobody'), 'nobody');
    expect(status).toBe(200);
    expect(body).toEqual({ providerId: 'nobody', hromady: [] });
  });

  it("another provider's user and a hromada's dispatcher are refused", async () => {
    expect((await area(provider('other'))).status).toBe(403);
    expect(
      (await area({ sub: 'd', 'cognito:groups': '[dispatchers]', 'custom:hromada_id': HROMADA })).status,
    ).toBe(403);
  });
});
