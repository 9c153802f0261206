import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * Ukrainian phone numbers as people type them (`067 123 45 67`, `+38 (067) 123-45-67`,
 * `0671234567`, `380671234567`) normalised to E.164 (`+380671234567`).
 * `isValid()` is checked (a parsed object is not proof), and a mobile type is required for anyone
 * who is sent SMS.
 */
export type PhoneCheck =
  | { ok: true; e164: string; mobile: boolean }
  | { ok: false; reason: 'unparseable' | 'invalid' | 'not-mobile' };

export function normalisePhone(input: string, options: { requireMobile?: boolean } = {}): PhoneCheck {
  const cleaned = input.trim();
  // "380…" without a plus is common in spreadsheets; libphonenumber reads it as a national number.
  const candidate = /^380\d{9}$/.test(cleaned.replace(/[\s()-]/g, ''))
    ? `+${cleaned.replace(/[\s()-]/g, '')}`
    : cleaned;
  const parsed = parsePhoneNumberFromString(candidate, 'UA');
  if (!parsed) return { ok: false, reason: 'unparseable' };
  if (!parsed.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  if (options.requireMobile && !mobile) return { ok: false, reason: 'not-mobile' };
  return { ok: true, e164: parsed.number, mobile };
}

const reasons = {
  unparseable: 'not a phone number',
  invalid: 'not a valid phone number',
  'not-mobile': 'must be a mobile number (SMS is sent to it)',
} as const;

/** zod: any accepted spelling in, E.164 out. */
export function phoneSchema(options: { requireMobile?: boolean } = {}) {
  return z.string().transform((value, ctx) => {
    const check = normalisePhone(value, options);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: reasons[check.reason] });
      return z.NEVER;
    }
    return check.e164;
  });
}

/** Stored form: already E.164. */
export const e164Schema = z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be E.164, e.g. +380671234567');

/** For logs: `+38067***4567`. */
export function maskPhone(e164: string): string {
  if (e164.length < 9) return '***';
  return `${e164.slice(0, 6)}***${e164.slice(-4)}`;
}
