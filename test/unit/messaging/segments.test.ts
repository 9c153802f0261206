import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/messaging/segments';
import {
  bookingConfirmation,
  cancellation,
  reminder,
  type WindowText,
} from '../../../shared/messaging/templates';

describe('SMS segment counting', () => {
  it('counts GSM-7 at 160 per single segment and 153 per part', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(countSegments('a'.repeat(161))).toMatchObject({ segments: 2 });
    expect(countSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(countSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts GSM-7 extension characters as two septets', () => {
    expect(countSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments(`${'€'.repeat(80)}a`)).toMatchObject({ segments: 2 });
  });

  it('switches the whole message to UCS-2 for one Cyrillic letter or a typographic apostrophe', () => {
    expect(countSegments(`${'a'.repeat(100)}ї`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(countSegments('Kyiv’s')).toMatchObject({ encoding: 'UCS-2' });
    expect(countSegments("Kyiv's")).toMatchObject({ encoding: 'GSM-7' });
  });

  it('counts UCS-2 at 70 per single segment and 67 per part', () => {
    expect(countSegments('ж'.repeat(70))).toMatchObject({ segments: 1 });
    expect(countSegments('ж'.repeat(71))).toMatchObject({ segments: 2 });
    expect(countSegments('ж'.repeat(134))).toMatchObject({ segments: 2 });
    expect(countSegments('ж'.repeat(135))).toMatchObject({ segments: 3 });
  });
});

describe('resident SMS templates fit one UCS-2 segment', () => {
  const services = ['social-taxi', 'mobile-brigade', 'mobile-case', 'delivery'] as const;
  const cases: WindowText[] = services.flatMap((service) =>
    [false, true].map((confidential) => ({
      service,
      confidential,
      day: '24.11',
      from: '09:45',
      to: '10:15',
    })),
  );

  it.each(cases)('%o', (t) => {
    for (const text of [bookingConfirmation(t), reminder(t), cancellation(t)]) {
      expect(countSegments(text), text).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    }
  });

  it('never names the service or place of a confidential visit', () => {
    const t: WindowText = {
      service: 'mobile-brigade',
      confidential: true,
      day: '24.11',
      from: '10:15',
      to: '10:45',
    };
    for (const text of [bookingConfirmation(t), reminder(t), cancellation(t)]) {
      expect(text).not.toMatch(/бригад|психолог|насильств|соціальн|вул\.|с\./i);
      expect(text).toMatch(/Зустріч/);
    }
  });
});
