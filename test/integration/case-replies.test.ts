import { beforeAll, describe, expect, it } from 'vitest';
import { handleInboundSms } from '../../shared/app/handle-inbound-sms';
import { createCaseStop } from '../../shared/app/mobile-case/case-stops';
import { createEntity } from '../../shared/app/registry';
import { registryKinds } from '../../shared/domain/registry';
import { CASE_VAN, stopFields } from '../support/case-world';
import { BEREZNA, HROMADA, seedBasics, seedFleet } from '../support/fixtures';
import { fieldsOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

/** Residents booking slots by SMS at once, on DynamoDB Local: the slots hold, everyone is answered. */
let ports: ReturnType<typeof portsFor>;

beforeAll(async () => {
  const t = await freshTable('case-replies');
  ports = portsFor(t, new FixedClock(new Date('2026-11-23T10:00:00Z'))); // Monday 12:00 Kyiv
  await seedBasics(ports);
  await seedFleet(ports, [CASE_VAN]);
  // 10:00–11:40 at 20 minutes: five slots
  await createCaseStop(ports, HROMADA, stopFields({ to: '11:40' }), 'd');
});

describe('ЗАПИС by SMS on DynamoDB Local', () => {
  it('8 residents texting ЗАПИС at once for 5 slots: 5 booked (each slot once), 3 told nothing is free', async () => {
    const phones: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const phone = `+38067300001${i}`;
      phones.push(phone);
      await createEntity(
        ports,
        registryKinds.residents,
        HROMADA,
        fieldsOf(registryKinds.residents, {
          name: `Мешканка ${i}`,
          phone,
          settlementId: BEREZNA,
          address: 'с. Березна, вул. Садова, 3',
          location: { lat: 49.5621, lon: 27.8401 },
          smsConsent: true,
        }),
        'test',
      );
    }
    const results = await Promise.all(
      phones.map((from, i) =>
        handleInboundSms(ports, {
          inboundMessageId: `case-in-${i}`,
          originationNumber: from,
          destinationNumber: '+380931112233',
          messageBody: 'ЗАПИС',
        }),
      ),
    );
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes).toEqual([...Array(5).fill('case-booked'), ...Array(3).fill('case-refused')]);
    const bookings = await ports.entities.caseBookings.forStop(HROMADA, 'berezna-tue');
    expect(bookings.map((b) => b.slot)).toEqual([0, 1, 2, 3, 4]);
    // everyone gets one answer: the booked time, or that nothing is free
    const answers = await Promise.all(results.map((_, i) => ports.outbox.get(`case-case-in-${i}`)));
    const texts = answers.map((m) => m?.text ?? '').sort();
    expect(texts.filter((t) => t === 'Вільного часу вже немає. Дзвоніть диспетчеру')).toHaveLength(3);
    expect(texts.filter((t) => t.startsWith('Записано: ЦНАП 24.11 о '))).toHaveLength(5);
    const stops = await ports.entities.caseStops.between(HROMADA, '2026-11-24', '2026-11-24');
    expect(stops.map((s) => s.id)).toEqual(['berezna-tue']);
  });
});
