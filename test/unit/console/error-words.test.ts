import { describe, expect, it } from 'vitest';
import { errorWords } from '../../../console/error-words.js';

const RULE_CODES = [
  'rule-eligibility',
  'rule-quota',
  'rule-purpose',
  'rule-horizon',
  'rule-same-day',
  'rule-fleet',
  'rule-curfew',
] as const;

describe("the console's words for the API's errors", () => {
  it('has Ukrainian words of its own for every booking rule code, when no reason comes with it', () => {
    const words = RULE_CODES.map((code) => errorWords(422, { error: { code, message: 'refused' } }));
    for (const w of words) {
      expect(w).toMatch(/[а-яіїєґ]/i);
      expect(w).not.toMatch(/^Помилка 422$|refused/);
    }
    expect(new Set(words).size).toBe(RULE_CODES.length);
  });

  it('has Ukrainian words for the Idempotency-Key refusals (422 reused, 409 in flight)', () => {
    for (const [status, code] of [
      [422, 'idempotency-key-reused'],
      [409, 'idempotency-in-flight'],
    ] as const) {
      const w = errorWords(status, { error: { code, message: 'refused' } });
      expect(w).toMatch(/[а-яіїєґ]/i);
      expect(w).not.toMatch(/refused|Перезавантажте й повторіть|Цю дію не можна виконати/);
    }
  });

  it("shows the API's own Ukrainian reason first", () => {
    const body = {
      error: { code: 'rule-horizon', message: 'too far', reason: 'Записати можна не більше ніж на 30 дн.' },
    };
    expect(errorWords(422, body)).toBe('Записати можна не більше ніж на 30 дн.');
  });
});
