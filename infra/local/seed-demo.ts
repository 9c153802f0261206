import { haversineMetres } from '../../shared/adapters/offline-travel-times/offline-travel-times';
import { createEntity, createHromada } from '../../shared/app/registry';
import { parseFields as fieldsOf, hromadaKind, registryKinds } from '../../shared/domain/registry';
import type { Ports } from '../../shared/ports/ports';
import type { LatLon } from '../../shared/ports/travel-times';
import { demoAreas } from './demo-areas';
import { seedDemoBrigade } from './demo-brigade';
import { DEMO_RESIDENTS, demoResidentId } from './demo-day';
import { seedDemoDeliveryPeople } from './demo-delivery';
import { seedDemoMobileCase } from './demo-mobile-case';
import { DEMO_ACTOR as ACTOR, DEMO_HROMADA_ID, demoPlaces } from './demo-places';
import { DEMO_RULES, demoCategories } from './demo-rules';
import { seedDemoTaxi } from './demo-taxi';
import { seedDemoTours } from './demo-tours';

/**
 * A demo hromada (Хмільницька, real settlements and coordinates; fictional people, vehicles and
 * drivers), written through the same use cases the API uses. Idempotent: does nothing when the
 * hromada exists. Its day of requests is demo-day.ts.
 */
export async function seedDemo(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>,
): Promise<'seeded' | 'present'> {
  if (await ports.entities.hromady.get(DEMO_HROMADA_ID)) return 'present';
  const { data, place, centre } = await demoPlaces();
  await createHromada(
    ports,
    fieldsOf(hromadaKind, {
      id: DEMO_HROMADA_ID,
      name: data.name_uk,
      katottg: data.katottg,
      ...demoAreas(data.katottg),
      rules: { smsSenderId: 'KhmilnykSoc', neutralSenderId: 'Info', ...DEMO_RULES },
    }),
    ACTOR,
  );
  const k = registryKinds;
  for (const s of data.settlements) {
    await createEntity(
      ports,
      k.settlements,
      DEMO_HROMADA_ID,
      fieldsOf(k.settlements, {
        id: s.katottg,
        name: s.name_uk,
        type: s.type,
        katottg: s.katottg,
        starostaDistrict: s.starosta_district,
        // the demo's remote villages: over 12 km from the centre in a straight line
        remote:
          s.lat !== null &&
          s.lon !== null &&
          haversineMetres(centre as LatLon, { lat: s.lat, lon: s.lon }) > 12_000,
        location: s.lat !== null && s.lon !== null ? { lat: s.lat, lon: s.lon } : null,
        population: s.population,
      }),
      ACTOR,
    );
  }
  const depot = await createEntity(
    ports,
    k.depots,
    DEMO_HROMADA_ID,
    fieldsOf(k.depots, {
      id: 'depot-centre',
      name: 'Гараж терцентру',
      address: 'м. Хмільник, вул. Пушкіна, 5',
      location: { lat: centre.lat!, lon: centre.lon! },
      settlementId: centre.katottg,
    }),
    ACTOR,
  );
  await createEntity(
    ports,
    k.providers,
    DEMO_HROMADA_ID,
    fieldsOf(k.providers, {
      id: 'tercentre',
      name: 'Територіальний центр соціального обслуговування',
      kind: 'territorial-centre',
      services: ['social-taxi', 'delivery'],
      phone: '04338 2-20-15',
    }),
    ACTOR,
  );
  await createEntity(
    ports,
    k.providers,
    DEMO_HROMADA_ID,
    fieldsOf(k.providers, {
      id: 'css',
      name: 'Центр соціальних служб',
      kind: 'social-services-centre',
      services: ['mobile-brigade'],
    }),
    ACTOR,
  );
  const weekdays = { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' };
  const vehicles = [
    {
      id: 'taxi-1',
      name: 'Соцтаксі (рампа)',
      plate: 'АВ 1234 ВС',
      providerId: 'tercentre',
      services: ['social-taxi'],
      capacity: { seats: 4, wheelchairPlaces: 2 },
      features: { ramp: true, coldBox: false },
    },
    {
      id: 'taxi-2',
      name: 'Соцтаксі',
      plate: 'АВ 5678 ВС',
      providerId: 'tercentre',
      services: ['social-taxi', 'mobile-brigade'],
      capacity: { seats: 4 },
    },
    {
      id: 'van-1',
      name: 'Доставка (холодильник)',
      plate: 'АВ 9012 ВС',
      providerId: 'tercentre',
      services: ['delivery', 'mobile-case'],
      capacity: { seats: 2, cargoKg: 600 },
      features: { ramp: false, coldBox: true },
    },
  ];
  for (const v of vehicles) {
    await createEntity(
      ports,
      k.vehicles,
      DEMO_HROMADA_ID,
      fieldsOf(k.vehicles, { ...v, depotId: depot.id, shifts: [weekdays] }),
      ACTOR,
    );
  }
  const drivers = [
    { id: 'driver-1', name: 'Олег Коваль', phone: '067 401 12 01', vehicleIds: ['taxi-1'] },
    { id: 'driver-2', name: 'Ірина Мельник', phone: '+38 (050) 402-12-02', vehicleIds: ['taxi-2'] },
    {
      id: 'driver-3',
      name: 'Василь Бондар',
      phone: '0934031203',
      vehicleIds: ['van-1'],
      transliterateSms: true,
    },
  ];
  for (const d of drivers)
    await createEntity(ports, k.drivers, DEMO_HROMADA_ID, fieldsOf(k.drivers, d), ACTOR);

  for (const [i, r] of DEMO_RESIDENTS.entries()) {
    const p = place(r.village, i);
    await createEntity(
      ports,
      k.residents,
      DEMO_HROMADA_ID,
      fieldsOf(k.residents, {
        id: demoResidentId(i),
        name: r.name,
        phone: r.phone,
        settlementId: p.settlementId,
        address: `с. ${r.village}, ${r.street}`,
        location: p.location,
        mobility: {
          wheelchair: r.wheelchair ?? false,
          needsRamp: r.wheelchair ?? false,
          escort: r.escort ?? false,
        },
        smsConsent: r.phone !== null,
        categories: demoCategories(i),
        confidential: r.confidential ?? false,
      }),
      ACTOR,
    );
  }
  await seedDemoDeliveryPeople(ports);
  await seedDemoBrigade(ports);
  await seedDemoTaxi(ports, centre.katottg);
  await seedDemoMobileCase(ports);
  await seedDemoTours(ports);

  return 'seeded';
}
