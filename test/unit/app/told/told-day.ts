/**
 * The day the "what residents are told" tests share: the demo day with Олег driving both cars, Ганна
 * (09:00) and Олена (09:10, another street, SMS on) booked, planned and published. With ENGINE the
 * brigade's car picks up Ганна, then Олена, then drops both off.
 */
import { planDay } from '../../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../../shared/app/planning/publish-plan';
import type { Plan } from '../../../../shared/domain/entities/plan';
import { HROMADA } from '../../../support/fixtures';
import { demoDay, ENGINE, TUESDAY } from '../planning/demo-day';

export const DRIVER_PHONE = '+380674011201';
export const OLENA_PHONE = '+380675551234';

export async function publishedDay(olenaExtra: Record<string, unknown> = {}) {
  const d = await demoDay();
  await d.driver({
    id: 'oleh',
    name: 'Олег Коваль',
    phone: '067 401 12 01',
    vehicleIds: ['taxi', 'brigade'],
  });
  const olena = await d.resident('Олена Мельник', {
    phone: '067 555 12 34',
    smsConsent: true,
    ...olenaExtra,
  });
  const lisova = { address: 'с. Березна, вул. Лісова, 3', location: { lat: 49.5631, lon: 27.8411 } };
  const anna = await d.ride(d.anna.id, '09:00');
  const olenas = await d.ride(olena.id, '09:10', { pickup: lisova });
  const draft = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
  const { plan } = await publishPlan(d.ports, HROMADA, TUESDAY, draft.version, 'd');
  const route = plan.routes[0]!;
  return { ...d, olena, rides: { anna, olena: olenas }, plan, route };
}

/** The arrival of a request's pickup on the plan. */
export function pickupAt(plan: Plan, requestId: string): Date {
  const stop = plan.routes
    .flatMap((r) => r.stops)
    .find((s) => s.requestId === requestId && s.kind === 'pickup');
  return new Date(stop!.arrival);
}

let n = 0;
export const sms = (messageBody: string, from: string) => ({
  inboundMessageId: `in-${++n}`,
  originationNumber: from,
  destinationNumber: '+380931112233',
  messageBody,
});
