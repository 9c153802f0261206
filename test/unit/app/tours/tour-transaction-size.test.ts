import { describe, expect, it } from 'vitest';
import { assertOneTransaction, MAX_TOUR_VISITS } from '../../../../shared/app/tours/plan-tour';
import type { TourVisit } from '../../../../shared/domain/entities/tour-visit';

/** Only what the count reads: the visit's hromada. */
const visits = (n: number, hromady: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `v${i}`, hromadaId: `h${i % hromady}` }) as TourVisit);

describe('a tour fits one DynamoDB transaction (at most 100 items)', () => {
  it(`takes ${MAX_TOUR_VISITS} visits of a few hromady`, () => {
    expect(() => assertOneTransaction(visits(MAX_TOUR_VISITS, 3), 'h0')).not.toThrow();
  });

  it('refuses more visits than that, in Ukrainian', () => {
    expect(() => assertOneTransaction(visits(MAX_TOUR_VISITS + 1, 3), 'h0')).toThrow(
      expect.objectContaining({ code: 'tour-too-many-visits', reason: expect.stringMatching(/можна до 80/) }),
    );
  });

  it('refuses 80 visits from 20 hromady: with their audit entries they would pass 100 items', () => {
    // 80 visits + 19 other hromady's audit entries + the tour, the home audit and the job = 102
    expect(() => assertOneTransaction(visits(80, 20), 'h0')).toThrow(
      expect.objectContaining({ code: 'tour-too-many-visits', reason: expect.stringMatching(/можна до 78/) }),
    );
    expect(() => assertOneTransaction(visits(78, 20), 'h0')).not.toThrow();
  });
});
