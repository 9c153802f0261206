import { describe, expect, it } from 'vitest';
import { entityKey, keysOf } from '../../../shared/adapters/dynamodb/keys';

/**
 * The keys each entity writes, as docs/data-model.md's items table lists them. Every entity
 * declares its own layout (shared/adapters/dynamodb/entities/); these pin the table's contents, so
 * a layout that drifts from the documented keys (or from items already stored) fails here.
 */
describe('single-table keys, per entity', () => {
  const h = 'khm';
  const stored = { hromadaId: h, version: 1, createdAt: 'c', updatedAt: 'u' };

  it('a hromada heads its partition and is listed by name', () => {
    expect(keysOf('Hromada', { ...stored, id: h, hromadaId: h, name: 'Хмільницька' })).toEqual({
      pk: 'HROMADA#khm',
      sk: 'HROMADA',
      gsi1pk: 'HROMADY',
      gsi1sk: 'Хмільницька#khm',
    });
    expect(entityKey('Hromada', 'ignored', h)).toEqual({ pk: 'HROMADA#khm', sk: 'HROMADA' });
  });

  it('registry items live in the hromada partition under their kind; only people with a phone are indexed', () => {
    for (const [entity, prefix] of [
      ['Settlement', 'SETTLEMENT'],
      ['Depot', 'DEPOT'],
      ['Provider', 'PROVIDER'],
      ['Vehicle', 'VEHICLE'],
    ] as const) {
      expect(keysOf(entity, { ...stored, id: 'x1', phone: '+380671234567' })).toEqual({
        pk: 'HROMADA#khm',
        sk: `${prefix}#x1`,
      });
      expect(entityKey(entity, h, 'x1')).toEqual({ pk: 'HROMADA#khm', sk: `${prefix}#x1` });
    }
    expect(keysOf('Resident', { ...stored, id: 'r1', phone: '+380671234567' })).toEqual({
      pk: 'HROMADA#khm',
      sk: 'RESIDENT#r1',
      gsi1pk: 'PHONE#khm#+380671234567',
      gsi1sk: 'RESIDENT#r1',
    });
    expect(keysOf('Resident', { ...stored, id: 'r2', phone: null })).toEqual({
      pk: 'HROMADA#khm',
      sk: 'RESIDENT#r2',
    });
    expect(keysOf('Driver', { ...stored, id: 'd1', phone: '+380504021202' })).toEqual({
      pk: 'HROMADA#khm',
      sk: 'DRIVER#d1',
      gsi1pk: 'PHONE#khm#+380504021202',
      gsi1sk: 'DRIVER#d1',
    });
  });

  it("a trip is in the day's and the resident's listings; a plan is keyed by its date", () => {
    expect(keysOf('ServiceRequest', { ...stored, id: 'q1', residentId: 'r1', date: '2026-11-24' })).toEqual({
      pk: 'HROMADA#khm',
      sk: 'REQUEST#q1',
      gsi1pk: 'RESIDENT#khm#r1',
      gsi1sk: '2026-11-24#q1',
      gsi2pk: 'DAY#khm#2026-11-24',
      gsi2sk: 'REQUEST#q1',
    });
    expect(keysOf('Plan', { ...stored, id: '2026-11-24', date: '2026-11-24' })).toEqual({
      pk: 'HROMADA#khm',
      sk: 'PLAN#2026-11-24',
    });
  });
});
