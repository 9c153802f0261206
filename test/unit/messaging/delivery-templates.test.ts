import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/messaging/segments';
import {
  driverRoute,
  followUpSms,
  handoverCodeAccepted,
  handoverCodeNeeded,
  handoverCodeSms,
  handoverCodeWrong,
} from '../../../shared/messaging/templates';

const segments = (text: string) => countSegments(text).segments;

describe('delivery SMS templates', () => {
  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('the handover code (trusted %s, confidential %s) fits one segment', (trusted, confidential) => {
    const text = handoverCodeSms({ day: '24.11', code: '0427', trusted, confidential });
    expect(segments(text), text).toBe(1);
    expect(text).toContain('0427');
    if (confidential) expect(text).not.toMatch(/Доставк/);
  });

  it("the driver's code replies fit one segment each", () => {
    for (const text of [
      handoverCodeNeeded(12),
      handoverCodeWrong(12, 2),
      handoverCodeWrong(12, 1),
      handoverCodeWrong(12, 0),
      handoverCodeAccepted(12),
    ]) {
      expect(segments(text), text).toBe(1);
    }
    expect(handoverCodeNeeded(3)).toBe('3: потрібен код отримувача: 3 КОД 1234');
    expect(handoverCodeWrong(3, 2)).toBe('3: код невірний. Залишилось спроб: 2');
    expect(handoverCodeWrong(3, 0)).toBe('3: код заблоковано. Дзвоніть диспетчеру');
  });

  it("the social worker's follow-up: one segment for a usual name and address, 2 at most, the address shortened to fit; none for a confidential case", () => {
    const typical = followUpSms({
      name: 'Ганна Петрівна Шевчук',
      address: 'с. Березна, вул. Шевченка, 12',
      outcome: 'потрібна допомога',
      day: '24.11',
    });
    expect(typical).toBe('Потрібна допомога: Ганна Петрівна Шевчук, с. Березна, вул. Шевченка, 12 (24.11)');
    expect(segments(typical)).toBe(2);
    const short = followUpSms({
      name: 'Ольга Ткач',
      address: 'с. Березна, вул. Садова, 3',
      outcome: 'нема відповіді',
      day: '24.11',
    });
    expect(short).toBe('Нема відповіді: Ольга Ткач, с. Березна, вул. Садова, 3 (24.11)');
    expect(segments(short)).toBe(1);
    const longest = followUpSms({
      name: 'Л'.repeat(120),
      address: 'А'.repeat(200),
      outcome: 'потрібна допомога',
      day: '24.11',
    });
    expect(segments(longest), longest).toBe(2);
    const confidential = followUpSms({
      name: 'Клієнт ЦСС',
      address: undefined,
      outcome: 'погано',
      day: '24.11',
    });
    expect(confidential).toBe('Погано: Клієнт ЦСС (24.11). Адресу дасть диспетчер');
    expect(segments(confidential)).toBe(1);
  });

  it('shows the driver who may receive a parcel and that a code is needed, never the code', () => {
    const [text] = driverRoute('24.11', 'АВ9012ВС', [
      {
        n: 1,
        time: '10:00',
        kind: 'visit',
        place: 'с. Лозова, вул. Молодіжна, 9',
        parcelKg: 3,
        parcelCount: 2,
        cold: true,
        handover: { code: true, trustedName: 'Ольга Савчук' },
      },
      { n: 2, time: '11:00', kind: 'visit', place: 'с. Журавне', handover: { code: false } },
    ]);
    expect(text).toContain('1 10:00 візит Лозова, Молодіжна 9 (3 кг холод 2 шт віддати: Ольга Савчук, код)');
    expect(text).toContain('2 11:00 візит Журавне (особисто)');
  });
});
