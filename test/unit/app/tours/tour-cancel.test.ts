import { describe, expect, it } from 'vitest';
import { cancelTour } from '../../../../shared/app/tours/cancel-tour';
import { cancelTourVisit } from '../../../../shared/app/tours/cancel-tour-visit';
import { planTour } from '../../../../shared/app/tours/plan-tour';
import { CANCELLED_BY_HROMADA, CONSENT_WITHDRAWN } from '../../../../shared/app/tours/take-off-tour';
import { hromadaTourView, listTourVisits, providerTourView } from '../../../../shared/app/tours/tour-views';
import { createTourVisit } from '../../../../shared/app/tours/tour-visits';
import { withdrawConsent } from '../../../../shared/app/tours/withdraw-consent';
import { tourVisitCreateSchema } from '../../../../shared/domain/entities/tour-visit';
import { HROMADA } from '../../../support/fixtures';
import { ENGINE, P, TUE, TURBIV, tourRequest, tourWorld, WED } from './tour-world';

async function plannedWorld() {
  const world = await tourWorld();
  const tour = await planTour(world.ports, P, tourRequest(), 'dispatcher', ENGINE);
  expect(tour.days.flatMap((d) => d.stops)).toHaveLength(4);
  const auditOf = (h: string) => world.entities.auditEntries.filter((a) => a.hromadaId === h);
  return { ...world, tour, auditOf };
}

const BRIGADE = { id: 'b-1', role: 'brigade' as const, providerId: P };
const TURBIV_DISPATCHER = { id: 'd-t', role: 'dispatcher' as const };

describe('the provider cancels a tour', () => {
  it('marks it cancelled, its visits unplanned and bookable onto a new tour, audited in every hromada', async () => {
    const { ports, entities, tour, auditOf } = await plannedWorld();
    const cancelled = await cancelTour(ports, P, tour.id, { version: 1, reason: 'машина в ремонті' }, 'p-1');
    expect(cancelled).toMatchObject({ version: 2, cancelled: { by: 'p-1', reason: 'машина в ремонті' } });
    expect((await entities.tours.get(tour.id))?.cancelled).toBeDefined();
    for (const h of [HROMADA, TURBIV]) {
      for (const v of await entities.tours.visitsOf(h, TUE, WED)) expect(v.planned).toBeUndefined();
      expect(auditOf(h).filter((a) => a.action === 'cancel' && a.itemId === tour.id)).toHaveLength(1);
    }
    const again = await planTour(ports, P, tourRequest(), 'dispatcher', ENGINE);
    expect(again.days.flatMap((d) => d.stops)).toHaveLength(4);
  });

  it('refuses in Ukrainian: a stale version, a tour already cancelled or started; another provider: 404', async () => {
    const { ports, clock, tour } = await plannedWorld();
    await expect(cancelTour(ports, P, tour.id, { version: 7 }, 'p')).rejects.toMatchObject({
      code: 'stale-version',
      reason: expect.stringMatching(/Тур змінився/),
    });
    await expect(cancelTour(ports, 'another', tour.id, { version: 1 }, 'p')).rejects.toMatchObject({
      kind: 'not-found',
    });
    clock.at = new Date('2026-11-25T07:00:00Z');
    await expect(cancelTour(ports, P, tour.id, { version: 1 }, 'p')).rejects.toMatchObject({
      code: 'tour-started',
      reason: expect.stringMatching(/почався/),
    });
    // on its first day, once the working day began (08:00 Kyiv = 06:00 UTC): started
    clock.at = new Date('2026-11-24T06:30:00Z');
    await expect(cancelTour(ports, P, tour.id, { version: 1 }, 'p')).rejects.toMatchObject({
      code: 'tour-started',
    });
    // early that morning, before the brigade leaves: still cancellable
    clock.at = new Date('2026-11-24T05:30:00Z');
    await cancelTour(ports, P, tour.id, { version: 1 }, 'p');
    await expect(cancelTour(ports, P, tour.id, { version: 2 }, 'p')).rejects.toMatchObject({
      code: 'tour-cancelled',
      reason: 'Тур уже скасовано.',
    });
  });
});

describe('a hromada cancels one of its tour visits', () => {
  it("takes its stop off the tour: the provider's view and the hromada's both list it unassigned", async () => {
    const { ports, entities, tour, auditOf } = await plannedWorld();
    const visit = (await entities.tours.visit(TURBIV, 'v-tur-tue'))!;
    const cancelled = await cancelTourVisit(ports, TURBIV, visit.id, { version: visit.version }, 'd-t');
    expect(cancelled.planned).toBeUndefined();
    expect(cancelled.cancelled?.by).toBe('d-t');
    const after = (await entities.tours.get(tour.id))!;
    expect(after.version).toBe(2);
    expect(after.days.flatMap((d) => d.stops).map((s) => s.visitId)).not.toContain(visit.id);
    expect(after.unassigned).toEqual([
      { visitId: visit.id, hromadaId: TURBIV, reason: CANCELLED_BY_HROMADA },
    ]);
    const provider = await providerTourView(ports, P, tour.id, BRIGADE);
    const own = await hromadaTourView(ports, TURBIV, tour.id, TURBIV_DISPATCHER);
    for (const view of [provider, own])
      expect(view.unassigned.map((u) => [u.visitId, u.reason])).toEqual([[visit.id, CANCELLED_BY_HROMADA]]);
    expect(auditOf(TURBIV).some((a) => a.action === 'cancel' && a.itemId === visit.id)).toBe(true);
    expect(auditOf(HROMADA).some((a) => a.action === 'update' && a.itemId === tour.id)).toBe(true);
    // never planned again
    await cancelTour(ports, P, tour.id, { version: 2 }, 'p');
    const next = await planTour(ports, P, tourRequest(), 'dispatcher', ENGINE);
    expect(next.days.flatMap((d) => d.stops).map((s) => s.visitId)).not.toContain(visit.id);
    expect(next.unassigned.map((u) => u.visitId)).not.toContain(visit.id);
  });

  it("a masked confidential visit in the hromada's list keeps that it was cancelled, not the free-text reason", async () => {
    const { ports } = await tourWorld();
    const why = 'мешканку госпіталізовано з інсультом';
    await cancelTourVisit(ports, TURBIV, 'v-tur-tue', { version: 1, reason: why }, 'd-t');
    const masked = (await listTourVisits(ports, TURBIV_DISPATCHER, TURBIV, TUE, WED)).items;
    const cancelled = masked.find((v) => v.id === 'v-tur-tue')!;
    expect(cancelled).toMatchObject({
      confidential: true,
      address: 'конфіденційно',
      cancelled: { by: 'd-t' },
    });
    expect(cancelled.cancelled).not.toHaveProperty('reason');
    expect(JSON.stringify(masked)).not.toContain('інсульт');
    const admin = (await listTourVisits(ports, { id: 'a', role: 'admin' }, TURBIV, TUE, WED)).items;
    expect(admin.find((v) => v.id === 'v-tur-tue')?.cancelled?.reason).toBe(why);
  });

  it('refuses in Ukrainian: already cancelled, a stale version, a past date', async () => {
    const { ports, clock } = await plannedWorld();
    await expect(cancelTourVisit(ports, TURBIV, 'v-tur-tue', { version: 1 }, 'd')).rejects.toMatchObject({
      code: 'stale-version',
      reason: expect.stringMatching(/Візит змінився/),
    });
    await cancelTourVisit(ports, TURBIV, 'v-tur-tue', { version: 2 }, 'd');
    await expect(cancelTourVisit(ports, TURBIV, 'v-tur-tue', { version: 3 }, 'd')).rejects.toMatchObject({
      code: 'tour-visit-cancelled',
      reason: 'Візит уже скасовано.',
    });
    clock.at = new Date('2026-11-25T07:00:00Z');
    await expect(cancelTourVisit(ports, HROMADA, 'v-khm-tue', { version: 2 }, 'd')).rejects.toMatchObject({
      code: 'tour-visit-past',
    });
  });
});

describe('a hromada withdraws its consent from a date', () => {
  it('takes its visits planned from that date off the tour; no more bookings or planning from it', async () => {
    const { ports, entities, tour, auditOf } = await plannedWorld();
    const agreement = await withdrawConsent(ports, TURBIV, P, { version: 1, from: WED }, 'admin-t');
    expect(agreement.withdrawn).toMatchObject({ from: WED, by: 'admin-t' });
    expect((await entities.tours.visit(TURBIV, 'v-tur-wed'))?.planned).toBeUndefined();
    expect((await entities.tours.visit(TURBIV, 'v-tur-tue'))?.planned?.tourId).toBe(tour.id);
    const after = (await entities.tours.get(tour.id))!;
    expect(after.unassigned).toEqual([
      { visitId: 'v-tur-wed', hromadaId: TURBIV, reason: CONSENT_WITHDRAWN },
    ]);
    expect(after.days.flatMap((d) => d.stops)).toHaveLength(3);
    expect(auditOf(TURBIV).some((a) => a.action === 'withdraw' && a.itemType === 'ServiceAgreement')).toBe(
      true,
    );
    const booking = tourVisitCreateSchema.parse({
      providerId: P,
      settlementId: 'turbiv',
      date: WED,
      from: '09:00',
      to: '12:00',
      durationMinutes: 30,
    });
    await expect(createTourVisit(ports, TURBIV, booking, 'd')).rejects.toMatchObject({
      code: 'tour-no-consent',
    });
    await cancelTour(ports, P, tour.id, { version: 2 }, 'p');
    const next = await planTour(ports, P, tourRequest(), 'dispatcher', ENGINE);
    expect(next.unassigned).toEqual([
      { visitId: 'v-tur-wed', hromadaId: TURBIV, reason: 'немає згоди громади на цю дату' },
    ]);
  });

  it('refuses in Ukrainian: a date before today, a withdrawal twice, a stale version', async () => {
    const { ports } = await plannedWorld();
    await expect(
      withdrawConsent(ports, TURBIV, P, { version: 1, from: '2026-11-01' }, 'a'),
    ).rejects.toMatchObject({
      kind: 'validation',
      reason: expect.stringMatching(/заднім числом/),
    });
    await expect(withdrawConsent(ports, TURBIV, P, { version: 3 }, 'a')).rejects.toMatchObject({
      code: 'stale-version',
      reason: expect.stringMatching(/Угода змінилася/),
    });
    await withdrawConsent(ports, TURBIV, P, { version: 1 }, 'a');
    await expect(withdrawConsent(ports, TURBIV, P, { version: 2 }, 'a')).rejects.toMatchObject({
      code: 'consent-withdrawn',
    });
  });
});
