import { describe, expect, it } from 'vitest';
import { keysOf } from '../../../shared/adapters/dynamodb/keys';

/** The keys an Alert writes, as docs/data-model.md ("Alerts, notices and feedback") lists them. */
describe('alert keys', () => {
  const alert = { id: 'no-show-r1', hromadaId: 'khm', date: '2026-11-24', at: '2026-11-24T08:00:00.000Z' };

  it('lives in its hromada partition, in the day listing and in the open listing until handled', () => {
    expect(keysOf('Alert', { ...alert, handled: false })).toEqual({
      pk: 'HROMADA#khm',
      sk: 'ALERT#no-show-r1',
      gsi1pk: 'ALERTS#khm#2026-11-24#open',
      gsi1sk: '2026-11-24T08:00:00.000Z#no-show-r1',
      gsi2pk: 'ALERTS#khm#2026-11-24',
      gsi2sk: '2026-11-24T08:00:00.000Z#no-show-r1',
    });
    expect(keysOf('Alert', { ...alert, handled: true }).gsi1pk).toBe('ALERTS#khm#2026-11-24#handled');
  });
});
