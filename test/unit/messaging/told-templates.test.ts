import { describe, expect, it } from 'vitest';
import { parseRating } from '../../../shared/messaging/feedback-reply';
import { countSegments } from '../../../shared/messaging/segments';
import {
  complaintReceived,
  feedbackRequest,
  feedbackThanks,
  vehicleNear,
  type WindowText,
  windowNarrowed,
} from '../../../shared/messaging/templates';

const services = ['social-taxi', 'mobile-brigade', 'mobile-case', 'delivery'] as const;
const cases: WindowText[] = services.flatMap((service) =>
  [false, true].map((confidential) => ({ service, confidential, day: '24.11', from: '23:45', to: '00:15' })),
);

describe('what residents are told: templates fit one UCS-2 segment', () => {
  it('the narrowed window, in every service and confidential, is one segment and says the new times', () => {
    for (const t of cases) {
      const text = windowNarrowed(t);
      expect(countSegments(text), text).toMatchObject({ encoding: 'UCS-2', segments: 1 });
      expect(text).toContain('між 23:45-00:15');
    }
  });

  it('"the car is near" is one segment; a confidential case reads only the neutral word', () => {
    for (const t of cases) {
      const text = vehicleNear({ ...t, at: '10:05' });
      expect(countSegments(text), text).toMatchObject({ segments: 1 });
      if (t.confidential) expect(text.startsWith('Зустріч буде близько 10:05')).toBe(true);
    }
    expect(vehicleNear({ service: 'mobile-brigade', confidential: false, at: '10:05' })).not.toMatch(
      /бригада/i,
    );
  });

  it('the feedback question, the thanks and the complaint receipt are one segment each', () => {
    for (const t of cases) expect(countSegments(feedbackRequest(t)).segments).toBe(1);
    expect(feedbackRequest({ service: 'social-taxi', confidential: true })).toContain('візит');
    expect(countSegments(feedbackThanks()).segments).toBe(1);
    expect(countSegments(complaintReceived()).segments).toBe(1);
  });
});

describe('a rating reply', () => {
  it('reads one digit 1-5, with spaces or a full stop around it', () => {
    expect(parseRating('5')).toBe(5);
    expect(parseRating(' 4. ')).toBe(4);
    expect(parseRating('1!')).toBe(1);
  });

  it('is not a rating otherwise', () => {
    for (const text of ['0', '6', '45', 'ТАК', "п'ять", '3 OK', ''])
      expect(parseRating(text)).toBeUndefined();
  });
});
