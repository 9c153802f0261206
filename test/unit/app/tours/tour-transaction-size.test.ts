import { describe, expect, it } from 'vitest';
import { createHromada } from '../../../../shared/app/registry';
import { assertOneTransaction, MAX_TOUR_VISITS, planTour } from '../../../../shared/app/tours/plan-tour';
import { withdrawConsent } from '../../../../shared/app/tours/withdraw-consent';
import type { TourVisit } from '../../../../shared/domain/entities/tour-visit';
import { hromadaKind } from '../../../../shared/domain/registry';
import type { RouteSolver } from '../../../../shared/ports/route-solver';
import { addSettlement, BEREZNA, HROMADA } from '../../../support/fixtures';
import { fieldsOf } from '../../../support/inputs';
import {
  agreeToTours,
  bookVisit,
  ENGINE,
  P,
  TUE,
  TURBIV,
  tourRequest,
  tourWorld,
  WED,
  withTransactionLimit,
} from './tour-world';

/** Only what the count reads: the visit's hromada. */
const visits = (n: number, hromady: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `v${i}`, hromadaId: `h${i % hromady}` }) as TourVisit);

describe('a tour fits one DynamoDB transaction (at most 100 items)', () => {
  it(`takes ${MAX_TOUR_VISITS} visits of a few hromady`, () => {
    const v = visits(MAX_TOUR_VISITS, 3);
    expect(() => assertOneTransaction(v, v, 'h0')).not.toThrow();
  });

  it('refuses more visits than that, in Ukrainian', () => {
    const v = visits(MAX_TOUR_VISITS + 1, 3);
    expect(() => assertOneTransaction(v, v, 'h0')).toThrow(
      expect.objectContaining({ code: 'tour-too-many-visits', reason: expect.stringMatching(/можна до 80/) }),
    );
  });

  it('refuses 80 visits from 20 hromady: with their audit entries and agreement checks they would pass 100 items', () => {
    // 80 visits + 19 other hromady's audit entries + 20 agreements checked + the tour, the home audit and the job = 122
    const eighty = visits(80, 20);
    expect(() => assertOneTransaction(eighty, eighty, 'h0')).toThrow(
      expect.objectContaining({ code: 'tour-too-many-visits', reason: expect.stringMatching(/можна до 58/) }),
    );
    const fiftyEight = visits(58, 20);
    expect(() => assertOneTransaction(fiftyEight, fiftyEight, 'h0')).not.toThrow();
  });
});

describe('a tour whose candidates come from many hromady (regression: 101 items after the whole solve)', () => {
  it('is refused before planning when the audit entries of hromady without consent would pass 100 items', async () => {
    const { ports } = await tourWorld();
    const book = (hromadaId: string, settlementId: string, id: string, date: string) =>
      bookVisit(ports, hromadaId, { id, settlementId, date, from: '08:00', to: '18:00', durationMinutes: 5 });
    // 80 visits under consent: the world's 4 and 38 more in each of its two hromady, over the two days
    for (let i = 0; i < 38; i += 1) {
      await book(HROMADA, BEREZNA, `v-h-${i}`, i % 2 ? TUE : WED);
      await book(TURBIV, 'turbiv', `v-t-${i}`, i % 2 ? TUE : WED);
    }
    // 18 more hromady whose consent was withdrawn after their visit was booked: left unassigned
    for (let k = 0; k < 18; k += 1) {
      const h = `h-${k}`;
      await createHromada(ports, fieldsOf(hromadaKind, { id: h, name: `Громада ${k}` }), 'test');
      await addSettlement(ports, h, {
        id: `s-${k}`,
        name: `Село ${k}`,
        type: 'село',
        location: { lat: 49.3, lon: 28.5 },
      });
      await agreeToTours(ports, h, 'голова');
      await book(h, `s-${k}`, `v-${k}`, TUE);
      await withdrawConsent(ports, h, P, { version: 1, from: TUE }, 'admin');
    }
    let solves = 0;
    const solver: RouteSolver = {
      solve: (problem, options) => {
        solves += 1;
        return ports.solver.solve(problem, options);
      },
    };
    const entities = withTransactionLimit(ports.entities);
    // 80 visits + the audit entries of Турбів and the 18 + 2 agreements checked + the tour, the home audit, the job
    await expect(
      planTour({ ...ports, entities, solver }, P, tourRequest(), 'd', ENGINE),
    ).rejects.toMatchObject({
      code: 'tour-too-many-visits',
      reason: expect.stringMatching(/можна до 76/),
    });
    expect(solves).toBe(0);
  });
});
