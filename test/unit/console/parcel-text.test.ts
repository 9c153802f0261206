import { describe, expect, it } from 'vitest';
import { parcelText } from '../../../console/parcel-text.js';

describe("a delivery's parcel on the driver's manifest", () => {
  it('names the pieces, weight, litres, cold and the trusted person who may take it', () => {
    const request = {
      parcel: { kg: 12, cold: true, count: 3, litres: 20 },
      handover: { mode: 'trusted', trustedName: 'Сусідка Оксана', trustedPhone: '+380671112233' },
    };
    expect(parcelText(request)).toBe(
      'посилка: 3 шт., 12 кг, 20 л, холод; передати довіреній особі: Сусідка Оксана, +380671112233',
    );
  });

  it('says an in-person handover, and nothing for a ride without a parcel', () => {
    expect(
      parcelText({ parcel: { kg: 5, cold: false, count: 1, litres: 0 }, handover: { mode: 'in-person' } }),
    ).toBe('посилка: 1 шт., 5 кг; вручити особисто');
    expect(parcelText({})).toBe('');
  });
});
