/**
 * A delivery day for the delivery tests: the planning tests' demo day (Tuesday 24 Nov 2026) with a
 * delivery van and its driver, and Ольга Ткач (с. Березна, вул. Садова, 3) who agreed to SMS and
 * has a social worker. `onTheRoad` plans and publishes the day and moves the clock to Tuesday 09:00.
 */
import { handleInboundSms } from '../../../../shared/app/handle-inbound-sms';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../../shared/app/planning/publish-plan';
import { createEntity } from '../../../../shared/app/registry';
import type { ServiceRequest } from '../../../../shared/domain/entities/service-request';
import { registryKinds } from '../../../../shared/domain/registry';
import { HROMADA } from '../../../support/fixtures';
import { fieldsOf } from '../../../support/inputs';
import { demoDay, ENGINE, TUESDAY } from '../planning/demo-day';

export const WORKER = { name: 'Оксана Дяченко', phone: '0501112233' };
export const WORKER_E164 = '+380501112233';
export const DRIVER_E164 = '+380934031203';

export async function deliveryDay(
  options: { codeRequired?: boolean; resident?: Record<string, unknown> } = {},
) {
  const d = await demoDay();
  const { ports } = d;
  if (options.codeRequired === false) {
    const h = (await ports.entities.hromady.get(HROMADA))!;
    const rules = { ...h.rules, deliveryCodeRequired: false };
    await ports.entities.commit([
      {
        op: 'update',
        entity: 'Hromada',
        item: { ...h, rules, version: h.version + 1 },
        expectedVersion: h.version,
      },
    ]);
  }
  await createEntity(
    ports,
    registryKinds.vehicles,
    HROMADA,
    fieldsOf(registryKinds.vehicles, {
      id: 'van',
      name: 'Доставка',
      plate: 'АВ12ВС',
      depotId: 'depot',
      services: ['delivery'],
      capacity: { seats: 2, cargoKg: 100, cargoLitres: 200 },
      features: { coldBox: true },
      shifts: [{ days: [2], start: '08:00', end: '17:00' }],
    }),
    'test',
  );
  await d.driver({ name: 'Василь Бондар', phone: '0934031203', vehicleIds: ['van'] });
  const olga = await d.resident('Ольга Ткач', {
    phone: '0661234500',
    smsConsent: true,
    socialWorker: WORKER,
    ...options.resident,
  });
  const deliver = (extra: Record<string, unknown> = {}) =>
    d.book({
      serviceType: 'delivery',
      residentId: olga.id,
      date: TUESDAY,
      pickup: { address: 'с. Березна, вул. Садова, 3', location: { lat: 49.5621, lon: 27.8401 } },
      requestedTime: { kind: 'pickup', time: '10:00' },
      purpose: 'medical',
      parcel: { kg: 3, cold: true, count: 2, litres: 10 },
      ...extra,
    });
  let n = 0;
  /** The driver's SMS, as the carrier delivers it. */
  const driverSays = (text: string) =>
    handleInboundSms(ports, {
      inboundMessageId: `in-${++n}`,
      originationNumber: DRIVER_E164,
      destinationNumber: '+380931112233',
      messageBody: text,
    });
  /** Plan and publish Tuesday; the clock at Tuesday 09:00 Kyiv. The stop number of `request`. */
  const onTheRoad = async (request: ServiceRequest) => {
    const plan = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    await publishPlan(ports, HROMADA, TUESDAY, plan.version, 'd');
    d.clock.at = new Date('2026-11-24T07:00:00Z');
    const route = plan.routes.find((r) => r.vehicleId === 'van')!;
    return route.stops.findIndex((s) => s.requestId === request.id) + 1;
  };
  const current = async (id: string) => (await ports.entities.requests.get(HROMADA, id))!;
  return { ...d, olga, deliver, driverSays, onTheRoad, current };
}
