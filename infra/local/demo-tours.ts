/**
 * The regional tours demo: the oblast's social-services centre (registered in Вінницька громада,
 * its car's depot in Вінниця) serves three hromady under agreements each hromada consented to —
 * Хмільницька (the demo hromada), Глуховецька and Турбівська (their centres from
 * demo-data/vinnytsia-oblast-centres.json, OSM admin_centre nodes; see ATTRIBUTION.md). A quarter
 * of visits (three tour weeks, a month apart) is booked, and the first week's 5-day tour is planned
 * through a tour job (created and run in the seeding process, as the jobs function runs it).
 *
 * Coordinates: every point is sourced (OSM / GeoNames / Wikipedia, as the data files say) except
 * three Хмільницька villages (Вугли, Крутнів, Лука) that no source gave; a visit there is placed at
 * the hromada centre (Хмільник) and says so in its `locationNote`.
 */
import { readFile } from 'node:fs/promises';
import { InProcessRouteSolver } from '../../shared/adapters/routing/in-process-route-solver';
import { createEntity, createHromada, getEntity, updateEntity } from '../../shared/app/registry';
import { createServiceAgreement } from '../../shared/app/tours/agreements';
import { createTourJob, runTourJob } from '../../shared/app/tours/tour-job';
import { createTourVisit } from '../../shared/app/tours/tour-visits';
import type { Tour } from '../../shared/domain/entities/tour';
import { tourCreateSchema } from '../../shared/domain/entities/tour';
import { tourVisitCreateSchema } from '../../shared/domain/entities/tour-visit';
import { parseFields as fieldsOf, hromadaKind, registryKinds as k } from '../../shared/domain/registry';
import { addDays, localDate } from '../../shared/domain/time';
import type { Ports } from '../../shared/ports/ports';
import { demoAreas } from './demo-areas';
import { DEMO_RESIDENTS, demoResidentId } from './demo-day';
import { DEMO_ACTOR as ACTOR, DEMO_HROMADA_ID, demoPlaces } from './demo-places';

export const REGIONAL_HOME = 'vinnytska';
export const REGIONAL_PROVIDER = 'ocss';
export const HLUKHOVETSKA = 'hlukhovetska';
export const TURBIVSKA = 'turbivska';

interface OblastCentre {
  hromada_uk: string;
  center_uk: string;
  lat: number;
  lon: number;
  katottg: string;
  center_katottg: string;
  center_type: 'місто' | 'селище' | 'село';
}

async function oblastCentres(): Promise<Map<string, OblastCentre>> {
  const url = new URL('./demo-data/vinnytsia-oblast-centres.json', import.meta.url);
  const list = JSON.parse(await readFile(url, 'utf8')) as OblastCentre[];
  return new Map(list.map((c) => [c.center_uk, c]));
}

type SeedPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'> & Partial<Pick<Ports, 'solver'>>;

/** A hromada with only its centre settlement (the data holds no other point for it). */
async function seedCentreHromada(ports: SeedPorts, id: string, c: OblastCentre): Promise<void> {
  if (await ports.entities.hromady.get(id)) return;
  await createHromada(
    ports,
    fieldsOf(hromadaKind, { id, name: c.hromada_uk, katottg: c.katottg, ...demoAreas(c.katottg) }),
    ACTOR,
  );
  await createEntity(
    ports,
    k.settlements,
    id,
    fieldsOf(k.settlements, {
      id: c.center_katottg,
      name: c.center_uk,
      type: c.center_type,
      katottg: c.center_katottg,
      location: { lat: c.lat, lon: c.lon },
    }),
    ACTOR,
  );
}

/**
 * With one hromada on the platform, a caller nobody knows belongs to it; with the tour's hromady
 * too, the demo's line (the local phone and SMS default) must say whose it is: Хмільницька's.
 */
export const DEMO_LINE = '+380931112233';
async function ownDemoLine(ports: SeedPorts): Promise<void> {
  const khm = await getEntity(ports, hromadaKind, DEMO_HROMADA_ID, DEMO_HROMADA_ID);
  if (khm.rules.inboundNumber) return;
  const rules = { ...khm.rules, inboundNumber: DEMO_LINE };
  await updateEntity(
    ports,
    hromadaKind,
    DEMO_HROMADA_ID,
    DEMO_HROMADA_ID,
    { version: khm.version, rules },
    ACTOR,
  );
}

/** The first Monday after the clock's Kyiv date. */
function nextMonday(ports: Pick<Ports, 'clock'>): string {
  const today = localDate(ports.clock.now());
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  return addDays(today, (8 - weekday) % 7 || 7);
}

/** One week's visits: [hromada, settlement key, day offset, from, to, minutes, purpose, resident?]. */
type VisitRow = [string, string, number, string, string, number, string, number?];
const WEEK: VisitRow[] = [
  [TURBIVSKA, 'Турбів', 0, '09:30', '12:00', 60, 'оцінка потреб'],
  [TURBIVSKA, 'Турбів', 0, '11:00', '15:00', 45, 'супровід сім’ї'],
  [DEMO_HROMADA_ID, 'Березна', 1, '09:00', '13:00', 60, 'оцінка потреб', 0],
  [DEMO_HROMADA_ID, 'Соколова', 1, '10:00', '16:00', 45, 'консультація', 4],
  [DEMO_HROMADA_ID, 'Лозова', 1, '13:00', '17:00', 60, 'супровід сім’ї', 7],
  [DEMO_HROMADA_ID, 'Кожухів', 2, '09:00', '12:00', 45, 'консультація', 2],
  [DEMO_HROMADA_ID, 'Лука', 2, '11:00', '16:00', 60, 'оцінка потреб'],
  [DEMO_HROMADA_ID, 'Порик', 2, '13:00', '17:00', 45, 'супровід сім’ї', 3],
  [HLUKHOVETSKA, 'Глухівці', 3, '09:00', '12:00', 60, 'оцінка потреб'],
  [HLUKHOVETSKA, 'Глухівці', 3, '12:00', '15:00', 45, 'консультація'],
  [HLUKHOVETSKA, 'Глухівці', 3, '14:00', '17:00', 45, 'супровід сім’ї'],
  [HLUKHOVETSKA, 'Глухівці', 4, '09:00', '11:30', 45, 'консультація'],
  [TURBIVSKA, 'Турбів', 4, '12:00', '16:00', 60, 'оцінка потреб'],
];

const STREETS = ['вул. Центральна, 12', 'вул. Садова, 5', 'вул. Шкільна, 21', 'вул. Миру, 8'];

/**
 * Seeds the regional centre, the two hromady, the agreements, a quarter's visits and plans the
 * first week's tour. Idempotent: does nothing when the regional centre's home hromada exists.
 * Returns the planned tour (undefined when already seeded).
 */
export async function seedDemoTours(ports: SeedPorts): Promise<Tour | undefined> {
  if (await ports.entities.hromady.get(REGIONAL_HOME)) return undefined;
  await ownDemoLine(ports);
  const centres = await oblastCentres();
  const { data, centre } = await demoPlaces();
  const vinnytsia = centres.get('Вінниця')!;
  const hlukhivtsi = centres.get('Глухівці')!;
  const turbiv = centres.get('Турбів')!;
  await seedCentreHromada(ports, REGIONAL_HOME, vinnytsia);
  await seedCentreHromada(ports, HLUKHOVETSKA, hlukhivtsi);
  await seedCentreHromada(ports, TURBIVSKA, turbiv);
  await createEntity(
    ports,
    k.providers,
    REGIONAL_HOME,
    fieldsOf(k.providers, {
      id: REGIONAL_PROVIDER,
      name: 'Обласний центр соціальних служб',
      kind: 'social-services-centre',
      services: ['mobile-brigade'],
    }),
    ACTOR,
  );
  const monday = nextMonday(ports);
  const today = localDate(ports.clock.now());
  for (const [hromadaId, by] of [
    [DEMO_HROMADA_ID, 'Міський голова Хмільника'],
    [HLUKHOVETSKA, 'Селищний голова Глухівців'],
    [TURBIVSKA, 'Селищний голова Турбова'],
  ] as const)
    await createServiceAgreement(
      ports,
      hromadaId,
      {
        providerId: REGIONAL_PROVIDER,
        providerHromadaId: REGIONAL_HOME,
        services: ['mobile-brigade'],
        consent: { by, on: today, document: `Меморандум про співпрацю № ${hromadaId.length}/2026` },
        validFrom: today,
        validTo: addDays(monday, 91),
      },
      'demo-hromada-admin',
    );
  // a quarter: three tour weeks a month apart
  const khmSettlements = new Map(data.settlements.map((s) => [s.name_uk, s]));
  const placeOf = (hromadaId: string, name: string) => {
    if (hromadaId === HLUKHOVETSKA) return { settlementId: hlukhivtsi.center_katottg };
    if (hromadaId === TURBIVSKA) return { settlementId: turbiv.center_katottg };
    const s = khmSettlements.get(name)!;
    return s.lat === null || s.lon === null
      ? {
          settlementId: s.katottg,
          location: { lat: centre.lat!, lon: centre.lon! },
          locationNote: 'центр громади: координат села не знайдено (OSM, GeoNames, Вікіпедія)',
        }
      : { settlementId: s.katottg };
  };
  for (const week of [0, 4, 8])
    for (const [i, [hromadaId, name, day, from, to, minutes, purpose, resident]] of WEEK.entries()) {
      const visit = {
        id: `tv-w${week}-${i}`,
        providerId: REGIONAL_PROVIDER,
        ...placeOf(hromadaId, name),
        ...(resident !== undefined
          ? {
              residentId: demoResidentId(resident),
              address: `с. ${name}, ${DEMO_RESIDENTS[resident]!.street}`,
            }
          : { address: `${name}, ${STREETS[i % STREETS.length]}` }),
        date: addDays(monday, week * 7 + day),
        from,
        to,
        durationMinutes: minutes,
        confidential: true,
        purpose,
      };
      await createTourVisit(ports, hromadaId, tourVisitCreateSchema.parse(visit), ACTOR);
    }
  const place = (id: string, name: string, c: { lat: number; lon: number }) => ({
    id,
    name,
    location: { lat: c.lat, lon: c.lon },
  });
  const tour = tourCreateSchema.parse({
    providerHromadaId: REGIONAL_HOME,
    name: 'Тур бригади ОЦСС: Турбів — Хмільник — Глухівці',
    vehicle: { name: 'Мобільна бригада ОЦСС', plate: 'АВ 7001 ОС' },
    depot: place('ocss-vinnytsia', 'ОЦСС, Вінниця', vinnytsia),
    overnightPlaces: [
      place('khmilnyk-hotel', 'Готель, Хмільник', { lat: centre.lat!, lon: centre.lon! }),
      place('hlukhivtsi-guest', 'Гостьова кімната селищної ради, Глухівці', hlukhivtsi),
      place('turbiv-guest', 'Гостьова кімната селищної ради, Турбів', turbiv),
    ],
    days: [0, 1, 2, 3, 4].map((d) => ({ date: addDays(monday, d), start: '08:00', end: '18:00' })),
    seconds: 5,
  });
  // through the tour job, as POST /providers/ocss/tours does; run here, in the seeding process
  const job = await createTourJob(ports, REGIONAL_PROVIDER, tour, ACTOR);
  const solver = ports.solver ?? new InProcessRouteSolver();
  const ran = await runTourJob(
    { ...ports, solver },
    { hromadaId: job.hromadaId, jobId: job.id, kind: 'tour' },
    {
      maxIterations: 40,
    },
  );
  const planned = ran.tourId ? await ports.entities.tours.get(ran.tourId) : undefined;
  if (!planned) throw new Error(`the demo tour was not planned: ${ran.error?.reason ?? ran.state}`);
  return planned;
}
