/**
 * A hromada with a mobile-case van (08:00–17:00 on weekdays, from the garage in Хмільник), the
 * village of Березна with Ганна Шевчук (SMS consent), and a stop there on Tuesday 24 Nov 2026,
 * 10:00–13:00, 20-minute slots. The clock stands at Monday 12:00 Kyiv.
 */
import { createCaseStop } from '../../shared/app/mobile-case/case-stops';
import { createEntity } from '../../shared/app/registry';
import { caseStopCreateSchema } from '../../shared/domain/entities/case-stop';
import { registryKinds } from '../../shared/domain/registry';
import { BEREZNA, HROMADA, memoryPorts, seedBasics, seedFleet } from './fixtures';
import { fieldsOf } from './inputs';

export const TUESDAY = '2026-11-24';
export const CASE_VAN = {
  id: 'case-van',
  name: 'Мобільний кейс',
  plate: 'АВ0001ВС',
  services: ['mobile-case'],
  capacity: { seats: 3 },
};

export const stopFields = (extra: Record<string, unknown> = {}) =>
  caseStopCreateSchema.parse({
    id: 'berezna-tue',
    settlementId: BEREZNA,
    date: TUESDAY,
    from: '10:00',
    to: '13:00',
    place: 'приміщення старостату',
    services: ['пенсія', 'субсидії', 'реєстрація'],
    vehicleId: CASE_VAN.id,
    ...extra,
  });

export async function caseWorld() {
  const ctx = memoryPorts();
  const anna = await seedBasics(ctx.ports);
  await seedFleet(ctx.ports, [CASE_VAN]);
  const stop = await createCaseStop(ctx.ports, HROMADA, stopFields(), 'dispatcher');
  let n = 0;
  const resident = (extra: Record<string, unknown> = {}) =>
    createEntity(
      ctx.ports,
      registryKinds.residents,
      HROMADA,
      fieldsOf(registryKinds.residents, {
        name: `Мешканець ${++n}`,
        phone: `067 200 00 ${String(n).padStart(2, '0')}`,
        settlementId: BEREZNA,
        address: 'с. Березна, вул. Садова, 3',
        location: { lat: 49.5621, lon: 27.8401 },
        smsConsent: true,
        ...extra,
      }),
      'test',
    );
  return { ...ctx, anna, stop, resident };
}

let m = 0;
export const sms = (messageBody: string, from = '+380671234567') => ({
  inboundMessageId: `in-${++m}`,
  originationNumber: from,
  destinationNumber: '+380931112233',
  messageBody,
});
