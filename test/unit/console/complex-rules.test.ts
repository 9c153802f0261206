import { describe, expect, it } from 'vitest';
import { FieldError, issueWords } from '../../../console/issue-words.js';
import { getPath } from '../../../console/registry-inputs.js';
import { RETENTION } from '../../../console/rule-retention.js';
import { COMPLEX_RULES } from '../../../console/rules-complex.js';
import { hromadaFields, hromadaRulesSchema } from '../../../shared/domain/entities/hromada';

const defaults = hromadaRulesSchema.parse({});
/** A field with an editor of its own (console/rules-complex.js), as the form calls it. */
interface EditorField {
  path: string;
  label: string;
  // biome-ignore lint/suspicious/noExplicitAny: what an editor shows is its own shape
  toShown: (value: unknown) => any;
  read: (shown: unknown, field: EditorField) => unknown;
}
const field = (path: string) => COMPLEX_RULES.find((f) => f.path === path) as unknown as EditorField;

describe("the console's editors of the hromada's rules of their own shape", () => {
  it('shows the least and most retention days the API accepts for each kind of data', () => {
    for (const r of RETENTION) {
      const days = (n: number) =>
        hromadaRulesSchema.safeParse({ retentionDays: { ...defaults.retentionDays, [r.key]: n } }).success;
      expect([days(r.min - 1), days(r.min), days(r.max), days(r.max + 1)], r.key).toEqual([
        false,
        true,
        true,
        false,
      ]);
    }
    expect(RETENTION.map((r) => r.key).sort()).toEqual(Object.keys(defaults.retentionDays).sort());
  });

  it('sends back unchanged what it was shown (an unedited form changes nothing)', () => {
    const hromada = {
      katottg: 'UA05120170000013778',
      raionId: 'UA05120000000017020',
      rules: {
        ...defaults,
        curfew: { from: '23:00', to: '05:00' },
        allowedPurposes: { 'social-taxi': ['medical'] },
      },
    };
    for (const f of COMPLEX_RULES.filter((x) => 'editor' in x) as unknown as EditorField[]) {
      const value = getPath(hromada, f.path);
      expect(f.read(f.toShown(value), f), f.path).toEqual(value);
    }
  });

  it('reads a service open to all, or taking every purpose, as not listed', () => {
    const eligibility = field('rules.eligibleCategories');
    const shown = { ...eligibility.toShown(defaults.eligibleCategories), delivery: ['veteran'] };
    shown['social-taxi'] = null;
    expect(eligibility.read(shown, eligibility)).toEqual({ delivery: ['veteran'] });
    const purposes = field('rules.allowedPurposes');
    expect(purposes.read({ ...purposes.toShown({}), delivery: [] }, purposes)).toEqual({});
    const days = field('rules.dispatchHours.days');
    expect(days.read([5, 1, 3], days)).toEqual([1, 3, 5]);
    expect(() => days.read([], days)).toThrow(FieldError);
    const curfew = field('rules.curfew');
    expect(
      curfew.read({ ...curfew.toShown({ from: '00:00', to: '05:00' }), on: false }, curfew),
    ).toBeUndefined();
  });

  it('checks a KATOTTG code typed for its format (as the API checks the hromada’s own), naming the field', () => {
    const code = field('raionId');
    const typed = (text: string, was?: string) => code.read({ text, was }, code);
    expect(typed(' ua05020000000026686 ')).toBe('UA05020000000026686');
    expect(hromadaFields.katottg.safeParse('UA05020000000026686').success).toBe(true);
    for (const bad of ['UA0502', 'UA050200000000266860', 'XX05020000000026686', '']) {
      let error: unknown;
      try {
        typed(bad, 'UA05120000000017020');
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(FieldError);
      expect((error as FieldError).issues[0]!.path).toBe('raionId');
      expect(hromadaFields.katottg.safeParse(bad).success).toBe(false);
    }
    // a code left as it was is sent as it was, whatever its form
    expect(typed('raion-7', 'raion-7')).toBe('raion-7');
  });

  it("has Ukrainian words for each refusal the rules' schema gives", () => {
    const bad = {
      retentionDays: { requests: 10, messages: 5000, audit: 400.5 },
      curfew: { from: '05:00', to: '05:00' },
      serviceHours: { from: '22:00', to: '06:00' },
      allowedPurposes: { 'social-taxi': [] },
      eligibleCategories: { delivery: ['nobody'] },
      reminderTime: '25:00',
      planningSeconds: 'ten',
      smsSenderId: '12',
      inboundNumber: '0501234567',
      dispatchHours: { days: [], from: '08:00', to: '17:00' },
      extra: 1,
    };
    const result = hromadaRulesSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const words = result.error!.issues.map((i) => issueWords({ path: i.path.join('.'), message: i.message }));
    expect(words.length).toBeGreaterThanOrEqual(9);
    for (const w of words) expect(w).not.toBe('неправильне значення');
    expect(words).toContain('не менше 30');
    expect(words).toContain('не більше 3650');
    expect(words).toContain('потрібне ціле число');
    expect(words).toContain('початок і кінець мають різнитися');
    expect(words).toContain('номер у форматі +380…');
    expect(words).toContain('потрібна хоча б одна літера');
    expect(words).toContain('оберіть хоча б одне');
  });
});
