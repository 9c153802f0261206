import { afterEach, describe, expect, it, vi } from 'vitest';
import { visitBody } from '../../../console/tour-visit-form.js';
import { providerNames } from '../../../console/tours-hromada.js';

/** A hromada's «Виїзні тури»: providers named, not coded; a settlement is «населений пункт». */
afterEach(() => vi.unstubAllGlobals());

const agreement = (providerId: string, providerHromadaId: string, extra = {}) => ({
  providerId,
  providerHromadaId,
  ...extra,
});

describe("a hromada's tour words", () => {
  it('names a provider from the agreement, else the registry it may read, else a label with its code', async () => {
    vi.stubGlobal('fetch', async (path: string) =>
      path.endsWith('/hromady/vinnytska/providers/ocss')
        ? new Response(JSON.stringify({ id: 'ocss', name: 'Обласний центр соціальних служб' }), {
            status: 200,
          })
        : new Response(JSON.stringify({ error: { code: 'forbidden' } }), { status: 403 }),
    );
    const names = await providerNames([
      agreement('ocss', 'vinnytska'),
      agreement('far', 'lvivska'),
      agreement('own', 'x', { providerName: 'Центр «Турбота»' }),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      ocss: 'Обласний центр соціальних служб',
      far: 'Надавач (код far)',
      own: 'Центр «Турбота»',
    });
  });

  it('asks for a «населений пункт», not a «село»', () => {
    const form = { providerId: 'ocss', who: 'settlement', settlementId: '', from: '09:00', to: '10:00' };
    expect(() => visitBody(form, new Map())).toThrow('Оберіть населений пункт');
  });
});
