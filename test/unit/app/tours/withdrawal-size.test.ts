import { describe, expect, it } from 'vitest';
import { answerOnce } from '../../../../shared/app/answer-once';
import { planTour } from '../../../../shared/app/tours/plan-tour';
import { withdrawConsent } from '../../../../shared/app/tours/withdraw-consent';
import {
  bookVisit,
  ENGINE,
  P,
  TURBIV,
  tourRequest,
  tourWorld,
  WED,
  withTransactionLimit,
} from './tour-world';

/**
 * A withdrawal is one transaction; a call with an Idempotency-Key adds the key's record to it
 * (answer-once.ts), so the withdrawal's own changes must leave room for it under DynamoDB's 100.
 */
describe('withdrawing consent from many planned visits', () => {
  it('with an Idempotency-Key: refused (422 in Ukrainian) rather than a 101-item transaction', async () => {
    const { ports, entities } = await tourWorld();
    const tour = await planTour(ports, P, tourRequest(), 'd', ENGINE);
    // 95 more of Турбів's visits on the same tour: with its one on Wednesday, the agreement, its audit entry,
    // the tour and its audit entry the withdrawal alone is 100 changes, 101 with the key
    for (let i = 0; i < 95; i += 1) {
      const id = `v-more-${i}`;
      const booked = await bookVisit(ports, TURBIV, {
        id,
        settlementId: 'turbiv',
        date: WED,
        from: '08:00',
        to: '18:00',
        durationMinutes: 5,
      });
      const planned = { tourId: tour.id, date: WED, arrival: '17:00', departure: '17:05' };
      await entities.commit([
        { op: 'update', entity: 'TourVisit', item: { ...booked, planned, version: 2 }, expectedVersion: 1 },
      ]);
    }
    const limited = withTransactionLimit(entities);
    const scope = { hromadaId: TURBIV, caller: 'admin-t', key: 'k-withdraw' };
    const call = answerOnce(
      { ...ports, entities: limited },
      { operation: 'POST /hromady/{hromadaId}/service-agreements/{providerId}/withdraw', input: {}, scope },
      async (once) => {
        await withdrawConsent(once, TURBIV, P, { version: 1, from: WED }, 'admin-t');
        return { statusCode: 200, body: '{}' };
      },
    );
    await expect(call).rejects.toMatchObject({
      code: 'withdrawal-too-large',
      reason: expect.stringMatching(/Забагато/),
    });
    expect((await entities.tours.agreement(TURBIV, P))?.withdrawn).toBeUndefined();
  });
});
