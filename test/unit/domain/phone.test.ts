import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone, phoneSchema } from '../../../shared/domain/phone';

describe('Ukrainian phone numbers', () => {
  it.each(['067 123 45 67', '+38 (067) 123-45-67', '0671234567', '380671234567', '+380671234567'])(
    'normalises %s to E.164',
    (typed) => {
      expect(normalisePhone(typed)).toEqual({ ok: true, e164: '+380671234567', mobile: true });
    },
  );

  it('accepts each mobile operator code (Kyivstar, Vodafone, lifecell)', () => {
    for (const code of ['67', '68', '96', '97', '98', '50', '66', '95', '99', '63', '73', '93']) {
      const check = normalisePhone(`0${code}1234567`, { requireMobile: true });
      expect(check.ok, code).toBe(true);
    }
  });

  it('rejects numbers that parse but are not valid', () => {
    expect(normalisePhone('067 123 45')).toMatchObject({ ok: false });
    expect(normalisePhone('+380 00 123 45 67')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(normalisePhone('телефон')).toMatchObject({ ok: false });
  });

  it('tells a landline from a mobile when SMS needs a mobile', () => {
    // Хмільник landline (04338).
    expect(normalisePhone('04338 2-20-15')).toMatchObject({ ok: true, e164: '+380433822015', mobile: false });
    expect(normalisePhone('04338 2-20-15', { requireMobile: true })).toEqual({
      ok: false,
      reason: 'not-mobile',
    });
  });

  it('turns a bad number into a zod issue', () => {
    const result = phoneSchema({ requireMobile: true }).safeParse('04338 2-20-15');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/mobile/);
  });

  it('masks numbers for logs', () => {
    expect(maskPhone('+380671234567')).toBe('+38067***4567');
  });
});
