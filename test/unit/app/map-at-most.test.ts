import { describe, expect, it } from 'vitest';
import { mapAtMost } from '../../../shared/app/map-at-most';

describe('mapAtMost', () => {
  it('keeps the items’ order, works on at most `limit` at once and on every item once', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const out = await mapAtMost([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      seen.push(i);
      // later items finish first: the results still follow the items
      for (let k = 0; k < 7 - n; k++) await Promise.resolve();
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('an empty list does nothing; a limit below one still works one at a time', async () => {
    expect(await mapAtMost([], 4, async () => 1)).toEqual([]);
    expect(await mapAtMost([1, 2], 0, async (n) => n + 1)).toEqual([2, 3]);
  });
});
