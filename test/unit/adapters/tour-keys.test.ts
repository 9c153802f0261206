import { describe, expect, it } from 'vitest';
import { entityKey, keysOf } from '../../../shared/adapters/dynamodb/keys';

/** The keys the regional tours' items write, as docs/data-model.md (RT) lists them. */
describe('regional tours: single-table keys', () => {
  const stored = { version: 1, createdAt: 'c', updatedAt: 'u' };

  it("an agreement lives in the hromada's partition under its provider, listed per provider", () => {
    expect(
      keysOf('ServiceAgreement', { ...stored, id: 'ocss', hromadaId: 'khm', providerId: 'ocss' }),
    ).toEqual({
      pk: 'HROMADA#khm',
      sk: 'AGREEMENT#ocss',
      gsi1pk: 'AGREEMENTS#ocss',
      gsi1sk: 'khm',
    });
  });

  it("a visit lives in its hromada's partition, listed per hromada and per provider by date", () => {
    const visit = { ...stored, id: 'v1', hromadaId: 'khm', providerId: 'ocss', date: '2026-12-01' };
    expect(keysOf('TourVisit', visit)).toEqual({
      pk: 'HROMADA#khm',
      sk: 'TOURVISIT#v1',
      gsi1pk: 'TOURVISITS#khm',
      gsi1sk: '2026-12-01#v1',
      gsi2pk: 'TOURVISITS#P#ocss',
      gsi2sk: '2026-12-01#khm#v1',
    });
  });

  it('a tour has its own partition, whatever hromada reads it, listed per provider by first date', () => {
    const tour = {
      ...stored,
      id: 't1',
      hromadaId: 'vin',
      providerId: 'ocss',
      days: [{ date: '2026-11-30' }],
    };
    expect(keysOf('Tour', tour)).toEqual({
      pk: 'TOUR#t1',
      sk: 'TOUR',
      gsi1pk: 'TOURS#ocss',
      gsi1sk: '2026-11-30#t1',
    });
    expect(entityKey('Tour', 'anything', 't1')).toEqual({ pk: 'TOUR#t1', sk: 'TOUR' });
  });

  it("a tour job has its own partition, read by id alone; a provider's guard one per provider (RT9, RT10)", () => {
    expect(keysOf('TourJob', { ...stored, id: 'j1', hromadaId: 'vin', providerId: 'ocss' })).toEqual({
      pk: 'TOURJOB#j1',
      sk: 'TOURJOB',
    });
    expect(entityKey('TourJob', '-', 'j1')).toEqual({ pk: 'TOURJOB#j1', sk: 'TOURJOB' });
    expect(keysOf('TourJobGuard', { ...stored, id: 'ocss', hromadaId: 'vin', running: [] })).toEqual({
      pk: 'TOURJOBS#ocss',
      sk: 'GUARD',
    });
    expect(entityKey('TourJobGuard', '-', 'ocss')).toEqual({ pk: 'TOURJOBS#ocss', sk: 'GUARD' });
  });
});
