import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/messaging/segments';
import { airRaidDriver } from '../../../shared/messaging/templates';

describe('air-raid SMS', () => {
  it("the driver's notice is Ukrainian and one UCS-2 segment", () => {
    const text = airRaidDriver();
    expect(text).toMatch(/Повітряна тривога/);
    expect(countSegments(text)).toMatchObject({ segments: 1 });
    expect(countSegments(text).encoding).toBe('UCS-2');
  });
});
