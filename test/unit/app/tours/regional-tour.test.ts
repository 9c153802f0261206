import { beforeAll, describe, expect, it } from 'vitest';
import {
  HLUKHOVETSKA,
  REGIONAL_HOME,
  REGIONAL_PROVIDER,
  TURBIVSKA,
} from '../../../../infra/local/demo-tours';
import { seedDemo } from '../../../../infra/local/seed-demo';
import { createServiceAgreement } from '../../../../shared/app/tours/agreements';
import {
  hromadaTourView,
  listTourVisits,
  OTHER_HROMADA,
  providerTourView,
} from '../../../../shared/app/tours/tour-views';
import { createTourVisit } from '../../../../shared/app/tours/tour-visits';
import type { Tour } from '../../../../shared/domain/entities/tour';
import { tourVisitCreateSchema } from '../../../../shared/domain/entities/tour-visit';
import { ConflictError } from '../../../../shared/domain/errors';
import { memoryPorts } from '../../../support/fixtures';

/**
 * The regional centre's 5-day tour over three hromady, planned on memory adapters from the demo
 * data: it passes the tour checker (planTour refuses to save a tour the checker rejects), every
 * visit is served on its own date, the nights chain, and each hromada reads only its own visits.
 */
const { ports, entities } = memoryPorts();
let tour: Tour;

beforeAll(async () => {
  await seedDemo(ports); // seeds the tours too (seedDemoTours)
  const [planned] = await entities.tours.ofProvider(REGIONAL_PROVIDER);
  if (!planned) throw new Error('the demo tour was not planned');
  tour = planned;
}, 60_000);

describe('a regional tour over 5 days and 3 hromady', () => {
  it('plans every visit of the week on its date, from the depot and back, nights at allowed places', () => {
    expect(tour.days).toHaveLength(5);
    expect(tour.hromadaIds).toEqual(['hlukhovetska', 'khmilnytska', 'turbivska']);
    expect(tour.unassigned).toEqual([]);
    expect(tour.days.flatMap((d) => d.stops)).toHaveLength(13);
    expect(tour.days[0]?.from).toBe('ocss-vinnytsia');
    expect(tour.days[4]?.to).toBe('ocss-vinnytsia');
    const allowed = tour.overnightPlaces.map((p) => p.id);
    for (let k = 0; k < 4; k += 1) {
      expect(allowed).toContain(tour.days[k]?.to);
      expect(tour.days[k + 1]?.from).toBe(tour.days[k]?.to);
    }
    for (const day of tour.days) {
      for (const stop of day.stops) {
        expect(stop.arrival >= day.start && stop.departure <= day.end).toBe(true);
      }
    }
  });

  it('records each planned visit on the visit itself, with the tour and its time', async () => {
    const visits = await entities.tours.visitsOf('khmilnytska', tour.days[0]!.date, tour.days[4]!.date);
    expect(visits).toHaveLength(6);
    for (const v of visits) {
      expect(v.planned?.tourId).toBe(tour.id);
      expect(v.planned?.date).toBe(v.date);
      expect(v.planned!.arrival >= v.from && v.planned!.arrival <= v.to).toBe(true);
    }
    const luka = visits.find((v) => v.settlementName === 'Лука');
    expect(luka?.locationNote).toMatch(/центр громади/);
  });

  it('the provider reads the whole tour; a hromada only its own visits, others as a bare time', async () => {
    const brigade = { id: 'b-1', role: 'brigade' as const, providerId: REGIONAL_PROVIDER };
    const whole = await providerTourView(ports, REGIONAL_PROVIDER, tour.id, brigade);
    const stops = whole.days.flatMap((d) => d.stops);
    expect(stops.every((s) => s.kind === 'visit')).toBe(true);
    expect(stops.some((s) => s.kind === 'visit' && s.residentName !== undefined)).toBe(true);

    const turbiv = await hromadaTourView(ports, TURBIVSKA, tour.id, { id: 'd-t', role: 'dispatcher' });
    const seen = turbiv.days.flatMap((d) => d.stops);
    const own = seen.filter((s) => s.kind === 'visit');
    expect(own).toHaveLength(3);
    expect(own.every((s) => s.kind === 'visit' && s.hromadaId === TURBIVSKA)).toBe(true);
    const others = seen.filter((s) => s.kind === 'other-hromada');
    expect(others).toHaveLength(10);
    for (const s of others) expect(Object.keys(s).sort()).toEqual(['arrival', 'departure', 'kind', 'label']);
    expect(others[0]).toMatchObject({ label: OTHER_HROMADA });
    expect(JSON.stringify(turbiv)).not.toMatch(/Березна|Шевчук|Глухівці, вул/);
    // its own confidential visits are masked for a dispatcher outside the provider
    expect(own.every((s) => s.kind === 'visit' && s.address === 'конфіденційно')).toBe(true);
  });

  it("a hromada's list of its visits masks a confidential one as the tour does, and audits the read", async () => {
    const period = [tour.days[0]!.date, tour.days.at(-1)!.date] as const;
    const listed = await listTourVisits(ports, { id: 'd-l', role: 'dispatcher' }, TURBIVSKA, ...period);
    const secret = listed.items.filter((v) => v.confidential);
    expect(secret.length).toBeGreaterThan(0);
    for (const v of secret) {
      expect(v.address).toBe('конфіденційно');
      expect(v).not.toHaveProperty('residentName');
      expect(v).not.toHaveProperty('purpose');
      expect(v).not.toHaveProperty('location');
      expect(v).not.toHaveProperty('residentId');
    }
    const read = entities.auditEntries.filter((a) => a.actor === 'd-l' && a.action === 'read-confidential');
    expect(read).toMatchObject([{ hromadaId: TURBIVSKA, changedFields: [] }]);
    // the admin and the provider's own brigade read them in clear
    const admin = await listTourVisits(ports, { id: 'a', role: 'admin' }, TURBIVSKA, ...period);
    expect(admin.items.filter((v) => v.confidential).every((v) => v.location !== undefined)).toBe(true);
    const brigade = { id: 'b-3', role: 'brigade' as const, providerId: REGIONAL_PROVIDER };
    const own = await listTourVisits(ports, brigade, TURBIVSKA, ...period);
    expect(own.items.filter((v) => v.confidential).every((v) => v.location !== undefined)).toBe(true);
  });

  it('each read of confidential visits is audited in their own hromada, never another', async () => {
    const reads = (h: string) =>
      entities.auditEntries.filter((a) => a.hromadaId === h && a.action === 'read-confidential');
    const before = reads(HLUKHOVETSKA).length;
    await hromadaTourView(ports, TURBIVSKA, tour.id, { id: 'd-t2', role: 'dispatcher' });
    expect(reads(HLUKHOVETSKA)).toHaveLength(before);
    const turbiv = reads(TURBIVSKA).at(-1);
    expect(turbiv).toMatchObject({ actor: 'd-t2', itemType: 'TourVisit', changedFields: [] });
    expect(turbiv?.itemIds).toHaveLength(3);
    const brigade = { id: 'b-2', role: 'brigade' as const, providerId: REGIONAL_PROVIDER };
    await providerTourView(ports, REGIONAL_PROVIDER, tour.id, brigade);
    expect(reads(HLUKHOVETSKA).at(-1)).toMatchObject({
      actor: 'b-2',
      changedFields: ['address', 'residentName', 'purpose'],
    });
  });

  it('a hromada with no visit on the tour does not find it', async () => {
    await expect(
      hromadaTourView(ports, REGIONAL_HOME, tour.id, { id: 'x', role: 'dispatcher' }),
    ).rejects.toThrow(/not found/);
  });
});

describe('consent', () => {
  const visit = (date: string) =>
    tourVisitCreateSchema.parse({
      providerId: REGIONAL_PROVIDER,
      settlementId: 'UA05120010010016373',
      address: 'Глухівці, вул. Лісова, 1',
      date,
      from: '09:00',
      to: '12:00',
      durationMinutes: 30,
    });

  it('no visit of a hromada without its agreement, nor outside the agreement’s dates', async () => {
    const { ports: fresh } = memoryPorts();
    await seedDemo(fresh);
    // Глуховецька consented until monday+91: a visit half a year on is refused, in Ukrainian
    const refused = createTourVisit(fresh, HLUKHOVETSKA, visit('2027-08-02'), 'd');
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({
      code: 'tour-no-consent',
      reason: expect.stringMatching(/згоди/),
    });
    // another provider has no agreement at all
    const other = createTourVisit(fresh, HLUKHOVETSKA, { ...visit('2026-12-01'), providerId: 'css' }, 'd');
    await expect(other).rejects.toMatchObject({ code: 'tour-no-consent' });
  }, 60_000);

  it('one agreement per provider and hromada', async () => {
    const again = createServiceAgreement(
      ports,
      TURBIVSKA,
      {
        providerId: REGIONAL_PROVIDER,
        providerHromadaId: REGIONAL_HOME,
        services: ['mobile-brigade'],
        consent: { by: 'Голова', on: '2026-11-23' },
        validFrom: '2026-11-23',
        validTo: '2027-02-28',
      },
      'admin',
    );
    await expect(again).rejects.toMatchObject({ code: 'agreement-exists' });
  });

  it("names the provider on the agreement, so the hromada's readers see a name, not a code", async () => {
    const agreement = await entities.tours.agreement(TURBIVSKA, REGIONAL_PROVIDER);
    expect(agreement?.providerName).toBe('Обласний центр соціальних служб');
  });
});

describe('the tour checker stands between the engine and the saved tour', () => {
  it('an engine answer that drops visits silently is refused, and nothing is saved', async () => {
    const { ports: fresh, entities: stored } = memoryPorts();
    const empty = {
      code: 0,
      summary: {
        cost: 0,
        routes: 0,
        unassigned: 0,
        setup: 0,
        service: 0,
        duration: 0,
        waiting_time: 0,
        priority: 0,
        distance: 0,
        computing_times: { loading: 0, solving: 0, routing: 0 },
      },
      unassigned: [],
      routes: [],
    };
    const lossy = { ...fresh, solver: { solve: async () => empty } };
    await expect(seedDemo(lossy)).rejects.toThrow(/infeasible tour/);
    expect(await stored.tours.ofProvider(REGIONAL_PROVIDER)).toEqual([]);
  }, 60_000);
});
