import { describe, expect, it } from 'vitest';
import { announceCaseStops } from '../../../shared/app/mobile-case/announce-case-stops';
import { bookCaseSlot } from '../../../shared/app/mobile-case/book-case-slot';
import { createCaseStop, getCaseStop } from '../../../shared/app/mobile-case/case-stops';
import { planDay } from '../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../shared/app/planning/publish-plan';
import { createEntity } from '../../../shared/app/registry';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { registryKinds } from '../../../shared/domain/registry';
import { localTimeLabel } from '../../../shared/domain/time';
import { CASE_VAN, caseWorld, stopFields, TUESDAY } from '../../support/case-world';
import { addSettlement, GARAGE, HROMADA } from '../../support/fixtures';
import { bookingOf, fieldsOf } from '../../support/inputs';

const ENGINE = { timeLimitMs: 1e9, maxIterations: 200, seed: 1 };

describe('planning the workstation day', () => {
  it('visits the stop within its hours on its own vehicle, with a home visit the same day (the checker accepts the plan)', async () => {
    const { ports, anna } = await caseWorld();
    // another vehicle that could serve the mobile case must not take the stop: it is pinned
    await createEntity(
      ports,
      registryKinds.vehicles,
      HROMADA,
      fieldsOf(registryKinds.vehicles, {
        ...CASE_VAN,
        id: 'other-van',
        plate: 'АВ0002ВС',
        depotId: GARAGE.id,
        shifts: [{ days: [2], start: '08:00', end: '17:00' }],
      }),
      'test',
    );
    const home = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf({
        serviceType: 'mobile-case',
        residentId: anna.id,
        date: TUESDAY,
        pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
        requestedTime: { kind: 'pickup', time: '13:30' },
        purpose: 'cnap',
        serviceMinutes: 30,
        caseStopId: 'berezna-tue',
      }),
      'd',
    );
    const plan = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(plan.unassigned).toEqual([]);
    const route = plan.routes.find((r) => r.stops.some((s) => s.requestId === 'berezna-tue'));
    expect(route?.vehicleId).toBe(CASE_VAN.id);
    const stop = route!.stops.find((s) => s.requestId === 'berezna-tue')!;
    expect(localTimeLabel(new Date(stop.arrival))).toBe('10:00');
    expect(localTimeLabel(new Date(stop.departure))).toBe('13:00');
    expect(route!.stops.map((s) => s.requestId)).toEqual(['berezna-tue', home.id]);
    // nothing moved: no slot shifted, nobody told
    expect((await getCaseStop(ports, HROMADA, 'berezna-tue')).shiftMinutes).toBe(0);
  });

  it('a late arrival moves the slots, and only the residents whose time moved are told, once', async () => {
    const { ports, entities, anna } = await caseWorld();
    await createEntity(
      ports,
      registryKinds.vehicles,
      HROMADA,
      fieldsOf(registryKinds.vehicles, {
        ...CASE_VAN,
        id: 'late-van',
        plate: 'АВ0003ВС',
        depotId: GARAGE.id,
        shifts: [{ days: [2], start: '10:05', end: '17:00' }],
      }),
      'test',
    );
    await createCaseStop(ports, HROMADA, stopFields({ id: 'late', vehicleId: 'late-van' }), 'd');
    await bookCaseSlot(ports, {
      hromadaId: HROMADA,
      stopId: 'late',
      residentId: anna.id,
      actor: 'd',
      time: '10:20',
    });
    const plan = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    const arrival = plan.routes.flatMap((r) => r.stops).find((s) => s.requestId === 'late')!.arrival;
    const late = await getCaseStop(ports, HROMADA, 'late');
    expect(late.shiftMinutes).toBeGreaterThan(5);
    expect(late.shiftMinutes).toBeLessThanOrEqual(30);
    expect(late.slots[0]?.time).toBe(
      localTimeLabel(new Date(Math.ceil(Date.parse(arrival) / 60_000) * 60_000)),
    );
    const moved = [...entities.outbox.values()].filter((m) => m.text.startsWith('Зміна: ЦНАП'));
    expect(moved.map((m) => m.text)).toEqual([
      `Зміна: ЦНАП 24.11 о ${late.slots[1]?.time} замість 10:20. Відмова: ВІДМОВА`,
    ]);
    expect(moved[0]?.segments).toBe(1);
    // planning again with the same arrival tells nobody again
    await planDay(ports, HROMADA, TUESDAY, 'd', { ...ENGINE, expectedVersion: plan.version });
    expect([...entities.outbox.values()].filter((m) => m.text.startsWith('Зміна: ЦНАП'))).toHaveLength(1);
  });
});

describe('the route SMS', () => {
  it("names the stop's place for the van's driver", async () => {
    const { ports, entities } = await caseWorld();
    await createEntity(
      ports,
      registryKinds.drivers,
      HROMADA,
      fieldsOf(registryKinds.drivers, { name: 'Андрій', phone: '067 300 00 01', vehicleIds: [CASE_VAN.id] }),
      'test',
    );
    const plan = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    await publishPlan(ports, HROMADA, TUESDAY, plan.version, 'd');
    const route = [...entities.outbox.values()].find((m) => m.kind === 'driver-route');
    expect(route?.text).toContain('10:00');
    expect(route?.text).toContain('Березна: приміщення старостату');
  });
});

describe('a home visit names its stop', () => {
  it("only a mobile-case request on the stop's date, of a stop still scheduled", async () => {
    const { ports, anna } = await caseWorld();
    const visit = (extra: Record<string, unknown>) =>
      bookServiceRequest(
        ports,
        HROMADA,
        bookingOf({
          serviceType: 'mobile-case',
          residentId: anna.id,
          date: TUESDAY,
          pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
          requestedTime: { kind: 'pickup', time: '13:30' },
          purpose: 'cnap',
          caseStopId: 'berezna-tue',
          ...extra,
        }),
        'd',
      ).catch((e) => e);
    expect((await visit({ date: '2026-11-25' })).issues[0].path).toBe('caseStopId');
    expect((await visit({ caseStopId: 'nowhere' })).reason).toBe('немає запланованого виїзду ЦНАП цього дня');
    expect((await visit({ serviceType: 'mobile-brigade', purpose: 'social-services' })).issues[0].path).toBe(
      'caseStopId',
    );
    expect((await visit({})).caseStopId).toBe('berezna-tue');
  });
});

describe('the announcement the evening before', () => {
  it('from the hromada time, one SMS to each consenting resident of the settlement, once', async () => {
    const { ports, entities, clock, resident } = await caseWorld();
    await resident();
    await resident({ smsConsent: false });
    await addSettlement(ports, HROMADA, {
      id: 'other',
      name: 'Кожухів',
      type: 'село',
      location: { lat: 49.6, lon: 27.9 },
    });
    await resident({ settlementId: 'other' });
    clock.at = new Date('2026-11-23T14:30:00Z'); // 16:30 Kyiv: not yet
    expect(await announceCaseStops(ports)).toEqual({ stops: 0, queued: 0, alreadyQueued: 0 });
    clock.at = new Date('2026-11-23T15:05:00Z'); // 17:05 Kyiv
    expect(await announceCaseStops(ports)).toEqual({ stops: 1, queued: 2, alreadyQueued: 0 });
    const sent = [...entities.outbox.values()].filter((m) => m.subject === 'CASESTOP#berezna-tue');
    expect(sent.map((m) => m.text)).toEqual([
      'Завтра 10:00-13:00 ЦНАП, Березна. Запис: ЗАПИС чи ЗАПИС 10:20',
      'Завтра 10:00-13:00 ЦНАП, Березна. Запис: ЗАПИС чи ЗАПИС 10:20',
    ]);
    expect(sent.every((m) => m.segments === 1)).toBe(true);
    clock.at = new Date('2026-11-23T15:20:00Z');
    expect(await announceCaseStops(ports)).toEqual({ stops: 0, queued: 0, alreadyQueued: 0 });
    expect((await getCaseStop(ports, HROMADA, 'berezna-tue')).announcedAt).toBe('2026-11-23T15:05:00.000Z');
  });
});
