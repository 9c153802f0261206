import { describe, expect, it } from 'vitest';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../../shared/app/planning/publish-plan';
import { plannedWindow, windowNotice, windowsDiffer } from '../../../../shared/app/planning/window-notice';
import type { Plan } from '../../../../shared/domain/entities/plan';
import { countSegments } from '../../../../shared/messaging/segments';
import { HROMADA } from '../../../support/fixtures';
import { type DemoPorts, demoDay, ENGINE, stopsOf, TUESDAY } from '../planning/demo-day';

const windowSms = async (ports: DemoPorts) =>
  [...(await ports.outbox.listByHromada(HROMADA)).items].filter((m) => m.id.startsWith('window-'));

/** A published plan with one stop of `requestId` at `arrival` (UTC). */
function planWith(requestId: string, arrival: string, kind: 'pickup' | 'visit' = 'pickup'): Plan {
  const at = '2026-11-23T10:00:00.000Z';
  return {
    id: TUESDAY,
    hromadaId: HROMADA,
    version: 2,
    createdAt: at,
    updatedAt: at,
    date: TUESDAY,
    status: 'published',
    unassigned: [],
    routes: [
      {
        vehicleId: 'taxi',
        stops: [{ requestId, kind, arrival, departure: arrival }],
        distanceM: 0,
        durationS: 0,
      },
    ],
  };
}

describe('the narrowed pickup window after publishing', () => {
  it("is the engine's arrival ± the hromada's window, compared to the minute", () => {
    const rules = { pickupWindowMinutes: 15 } as Parameters<typeof plannedWindow>[0];
    expect(plannedWindow(rules, '2026-11-24T07:10:20.000Z')).toEqual({
      start: '2026-11-24T06:55:00.000Z',
      end: '2026-11-24T07:25:00.000Z',
    });
    const a = { start: '2026-11-24T06:45:00.000Z', end: '2026-11-24T07:15:00.000Z' };
    expect(windowsDiffer(a, { start: '2026-11-24T06:45:10.000Z', end: '2026-11-24T07:15:40.000Z' })).toBe(
      false,
    );
    expect(windowsDiffer(a, { start: '2026-11-24T06:55:00.000Z', end: '2026-11-24T07:25:00.000Z' })).toBe(
      true,
    );
  });

  it('a window unchanged by the plan sends nothing; a changed one sends one SMS with the new window', async () => {
    const d = await demoDay();
    const hromada = (await d.ports.entities.hromady.get(HROMADA))!;
    const ride = await d.ride(d.anna.id, '09:00'); // agreed 08:45-09:15 Kyiv
    const same = await windowNotice(d.ports, hromada, planWith(ride.id, '2026-11-24T07:00:00.000Z'), ride);
    expect(same).toBeUndefined();
    const later = await windowNotice(d.ports, hromada, planWith(ride.id, '2026-11-24T07:20:00.000Z'), ride);
    expect(later?.window).toEqual({ start: '2026-11-24T07:05:00.000Z', end: '2026-11-24T07:35:00.000Z' });
    expect(later?.changes).toHaveLength(1);
    expect(later?.changes[0]).toMatchObject({
      op: 'outbox',
      message: {
        id: `window-${ride.id}-v2`,
        to: '+380671234567',
        text: 'Уточнено: Соцтаксі 24.11 між 09:05-09:35. Скасувати: НІ',
        segments: 1,
      },
    });
    // told once: with that window known, the same plan has nothing more to say
    const told = { ...ride, plannedWindow: later!.window };
    expect(
      await windowNotice(d.ports, hromada, planWith(ride.id, '2026-11-24T07:20:00.000Z'), told),
    ).toBeUndefined();
    // a draft plan tells nobody
    const draft = { ...planWith(ride.id, '2026-11-24T07:20:00.000Z'), status: 'draft' as const };
    expect(await windowNotice(d.ports, hromada, draft, ride)).toBeUndefined();
  });

  it('a confidential resident gets the neutral word only', async () => {
    const d = await demoDay();
    const hromada = (await d.ports.entities.hromady.get(HROMADA))!;
    const olena = await d.resident('Олена Мельник', { phone: '067 555 12 34', smsConsent: true });
    const visit = await d.visit(olena.id); // 11:00, confidential (brigade)
    const notice = await windowNotice(
      d.ports,
      hromada,
      planWith(visit.id, '2026-11-24T09:30:00.000Z', 'visit'),
      visit,
    );
    const sms = notice?.changes[0];
    expect(sms).toMatchObject({ op: 'outbox', message: { senderId: 'Info' } });
    const text = sms?.op === 'outbox' ? sms.message.text : '';
    expect(text).toBe('Уточнено: Зустріч 24.11 між 11:15-11:45. Скасувати: НІ');
    expect(text).not.toMatch(/Садова|бригад|social/i);
    expect(countSegments(text).segments).toBe(1);
  });

  it('publishing tells exactly the residents whose window changed, once per plan version', async () => {
    const d = await demoDay();
    const { ports } = d;
    await d.driver({
      id: 'oleh',
      name: 'Олег Коваль',
      phone: '067 401 12 01',
      vehicleIds: ['taxi', 'brigade'],
    });
    const olena = await d.resident('Олена Мельник', { phone: '067 555 12 34', smsConsent: true });
    const lisova = { address: 'с. Березна, вул. Лісова, 3', location: { lat: 49.5631, lon: 27.8411 } };
    const rides = [await d.ride(d.anna.id, '09:00'), await d.ride(olena.id, '09:10', { pickup: lisova })];
    const draft = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(await windowSms(ports)).toEqual([]); // a draft tells nobody
    const { plan } = await publishPlan(ports, HROMADA, TUESDAY, draft.version, 'd');
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    const expected = rides
      .filter((r) => {
        const { route, idx } = stopsOf(plan, r.id)!;
        return windowsDiffer(plannedWindow(hromada.rules, route.stops[idx[0]!]!.arrival), r.window);
      })
      .map((r) => `window-${r.id}-v${plan.version}`);
    const sent = await windowSms(ports);
    expect(sent.map((m) => m.id).sort()).toEqual(expected.sort());
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) expect(m.segments).toBe(1);
    for (const r of rides) {
      const stored = await ports.entities.requests.get(HROMADA, r.id);
      expect(stored?.status).toBe('dispatched');
      expect(stored?.window).toEqual(r.window); // the agreed window stays as booked
    }
    // published again with the same routes: nobody is told twice
    await publishPlan(ports, HROMADA, TUESDAY, plan.version, 'd');
    expect((await windowSms(ports)).length).toBe(sent.length);
  });
});
