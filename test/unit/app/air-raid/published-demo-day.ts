import { planDay } from '../../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../../shared/app/planning/publish-plan';
import { HROMADA } from '../../../support/fixtures';
import { demoDay, ENGINE, TUESDAY } from '../planning/demo-day';

export const OLEH = '+380674011201';
export const PETRO = '+380674011202';

/**
 * The demo day: Ганна (09:00) and Олена (09:10) ride in the morning, a brigade visit at 11:00
 * (the brigade's car only) and a wheelchair ride at 15:00 (the ramp taxi only); Олег drives the
 * taxi, Петро the brigade's car. Planned and published on Monday.
 */
export async function publishedDemoDay() {
  const d = await demoDay();
  await d.driver({ id: 'oleh', name: 'Олег Коваль', phone: '067 401 12 01', vehicleIds: ['taxi'] });
  await d.driver({ id: 'petro', name: 'Петро Бондар', phone: '067 401 12 02', vehicleIds: ['brigade'] });
  const olena = await d.resident('Олена Мельник', { phone: '067 555 12 34', smsConsent: true });
  const ivan = await d.resident('Іван Гнатюк');
  const lisova = { address: 'с. Березна, вул. Лісова, 3', location: { lat: 49.5631, lon: 27.8411 } };
  const anna = await d.ride(d.anna.id, '09:00');
  const olenas = await d.ride(olena.id, '09:10', { pickup: lisova });
  await d.visit(ivan.id);
  await d.ride(ivan.id, '15:00', { passengers: { wheelchair: true, escorts: 0 } });
  const draft = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
  const { plan } = await publishPlan(d.ports, HROMADA, TUESDAY, draft.version, 'd');
  return { ...d, rides: { anna, olena: olenas }, plan };
}
