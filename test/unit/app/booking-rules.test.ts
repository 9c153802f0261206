import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { isLateCancel } from '../../../shared/app/reports/trips-report';
import { bookServiceRequest, changeRequestStatus, recordOutcome } from '../../../shared/app/service-requests';
import { countsTowardQuota } from '../../../shared/domain/booking-rules';
import type { HromadaRules } from '../../../shared/domain/entities/hromada';
import type { ServiceRequest } from '../../../shared/domain/entities/service-request';
import { ForbiddenError, RuleRefusalError } from '../../../shared/domain/errors';
import { httpHandler } from '../../../shared/http/api-handler';
import { errorResponse } from '../../../shared/http/responses';
import { Router } from '../../../shared/http/router';
import { ADMIN, apiEvent } from '../../support/api-events';
import {
  FakeClock,
  HROMADA,
  memoryPorts,
  RAMP_TAXI,
  seedBasics,
  seedFleet,
  TAXI,
  taxiRequest,
  withRules,
} from '../../support/fixtures';
import { dispatcherOf } from '../../support/fuzz/api-fuzz';
import { bookingOf } from '../../support/inputs';

// The clock stands at Monday 23 Nov 2026, 12:00 in Kyiv; the fleet works Mon–Fri 08:00–17:00.
async function setup(
  rules: Partial<HromadaRules> = {},
  resident: Record<string, unknown> = {},
  fleet: Array<Record<string, unknown>> = [RAMP_TAXI],
) {
  const ctx = memoryPorts(new FakeClock(new Date('2026-11-23T10:00:00Z')));
  const anna = await seedBasics(ctx.ports, resident);
  await seedFleet(ctx.ports, fleet);
  await withRules(ctx.ports, rules);
  const book = (body: Record<string, unknown>, admin = false) =>
    bookServiceRequest(ctx.ports, HROMADA, bookingOf(body), admin ? 'admin-1' : 'dispatcher-1', { admin });
  const ride = (date: string, time = '09:00', extra: Record<string, unknown> = {}) =>
    book({ ...taxiRequest(anna.id, date, time), ...extra });
  return { ...ctx, anna, book, ride };
}

async function refusal(promise: Promise<unknown>): Promise<RuleRefusalError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleRefusalError);
  return error as RuleRefusalError;
}

describe("the hromada's rules at booking", () => {
  it('eligibility: a resident in none of the social taxi’s groups is refused; other services stay open', async () => {
    const d = await setup({}, { categories: ['idp'] });
    const error = await refusal(d.ride('2026-11-24'));
    expect(error.code).toBe('rule-eligibility');
    expect(error.reason).toBe(
      'Послуга лише для категорій: інвалідність I групи, інвалідність II групи, дитина з інвалідністю, вік 80+. У картці мешканця такої категорії немає',
    );
    const visit = { ...taxiRequest(d.anna.id, '2026-11-24'), serviceType: 'mobile-brigade' };
    delete (visit as { dropoff?: unknown }).dropoff;
    // no car is registered for the brigade: the fleet check is off for it
    expect((await d.book(visit)).serviceType).toBe('mobile-brigade');
  });

  it('allowed purposes per service', async () => {
    const d = await setup({ allowedPurposes: { 'social-taxi': ['medical', 'cnap'] } });
    const error = await refusal(d.ride('2026-11-24', '09:00', { purpose: 'bank' }));
    expect(error).toMatchObject({
      code: 'rule-purpose',
      reason: 'Мета поїздки «банк» не передбачена правилами громади для цієї послуги',
    });
    expect((await d.ride('2026-11-24', '09:00', { purpose: 'cnap' })).purpose).toBe('cnap');
  });

  it('booking horizon: at most bookingHorizonDays ahead', async () => {
    const d = await setup({ bookingHorizonDays: 14 });
    const error = await refusal(d.ride('2026-12-08'));
    expect(error).toMatchObject({
      code: 'rule-horizon',
      reason: 'Записати можна не більше ніж на 14 дн. наперед (до 2026-12-07)',
    });
    await d.ride('2026-12-07');
  });

  it('same-day cut-off: today needs sameDayMinHours before the window starts', async () => {
    const d = await setup({ sameDayMinHours: 2 });
    const error = await refusal(d.ride('2026-11-23', '13:30')); // window from 13:15, 1 h 15 min away
    expect(error).toMatchObject({
      code: 'rule-same-day',
      reason: 'На сьогодні можна записати не пізніше ніж за 2 год до початку вікна',
    });
    await d.ride('2026-11-23', '14:30');
  });

  it('monthly quota: live, done, late-cancelled and no-show rides count; an early cancel does not', async () => {
    const d = await setup({ monthlyRideQuota: 3, lateCancelHours: 2 });
    const first = await d.ride('2026-11-24');
    await recordOutcome(d.ports, HROMADA, first.id, 1, 'no-show', 'd', [], 'dispatcher');
    const early = await d.ride('2026-11-25');
    await changeRequestStatus(d.ports, HROMADA, early.id, 1, 'cancelled', 'd', [], 'dispatcher');
    const lateOne = await d.ride('2026-11-26');
    d.clock.at = new Date('2026-11-26T06:00:00Z'); // 08:00 Kyiv, an hour before its window
    const cancelled = await changeRequestStatus(
      d.ports,
      HROMADA,
      lateOne.id,
      1,
      'cancelled',
      'd',
      [],
      'dispatcher',
    );
    expect(cancelled.cancelKind).toBe('late');
    await d.ride('2026-11-27');
    const error = await refusal(d.ride('2026-11-30'));
    expect(error).toMatchObject({
      code: 'rule-quota',
      reason: 'Ліміт поїздок на місяць вичерпано: 3 з 3 (враховано пізні скасування та неявки)',
    });
    expect((await d.ride('2026-12-01')).date).toBe('2026-12-01'); // a new Kyiv month
  });

  it('countsTowardQuota: the one count', () => {
    const base = { serviceType: 'social-taxi' as const, status: 'done' as const };
    expect(countsTowardQuota(base)).toBe(true);
    expect(countsTowardQuota({ ...base, status: 'requested' })).toBe(true);
    expect(countsTowardQuota({ ...base, status: 'no-show' })).toBe(true);
    expect(countsTowardQuota({ ...base, status: 'cancelled', cancelKind: 'late' })).toBe(true);
    expect(countsTowardQuota({ ...base, status: 'cancelled', cancelKind: 'early' })).toBe(false);
    expect(countsTowardQuota({ ...base, returnOf: 'outbound-1' })).toBe(false);
    expect(countsTowardQuota({ ...base, serviceType: 'delivery' })).toBe(false);
  });

  it('a cancellation records early or late against lateCancelHours', async () => {
    const d = await setup({ lateCancelHours: 24 });
    const tomorrow = await d.ride('2026-11-24', '09:00'); // 20 h 45 min ahead of its window
    const later = await d.ride('2026-11-26', '09:00');
    expect(
      (await changeRequestStatus(d.ports, HROMADA, tomorrow.id, 1, 'cancelled', 'd', [], 'dispatcher'))
        .cancelKind,
    ).toBe('late');
    expect(
      (await changeRequestStatus(d.ports, HROMADA, later.id, 1, 'cancelled', 'd', [], 'dispatcher'))
        .cancelKind,
    ).toBe('early');
  });

  it('the trips report counts a cancel as recorded (cancelKind), whatever its last update says', () => {
    const cancelled = {
      status: 'cancelled',
      window: { start: '2026-11-24T07:00:00.000Z', end: '2026-11-24T07:30:00.000Z' },
      updatedAt: '2026-11-24T06:30:00.000Z', // touched again 30 min before: by time alone, late
    } as ServiceRequest;
    expect(isLateCancel({ ...cancelled, cancelKind: 'early' }, 2)).toBe(false);
    expect(isLateCancel({ ...cancelled, cancelKind: 'late' }, 2)).toBe(true);
    expect(isLateCancel(cancelled, 2)).toBe(true); // cancelled before cancelKind was recorded
  });

  it('fleet calendar: no car that can serve it works that day, at that hour, or can carry it', async () => {
    const d = await setup();
    expect(await refusal(d.ride('2026-11-28'))).toMatchObject({
      code: 'rule-fleet',
      reason: 'У суботу не працює жоден автомобіль, що може виконати запит',
    });
    expect(await refusal(d.ride('2026-11-24', '18:30'))).toMatchObject({
      code: 'rule-fleet',
      reason: 'О 18:15–18:45 не працює жоден автомобіль, що може виконати запит',
    });
    const plain = await setup({}, {}, [TAXI]); // no ramp, no wheelchair place
    const chair = plain.ride('2026-11-24', '09:00', { passengers: { escorts: 0, wheelchair: true } });
    expect(await refusal(chair)).toMatchObject({
      code: 'rule-fleet',
      reason: 'Жоден автомобіль цієї послуги не може це перевезти (місця для візка, пандус, вантаж)',
    });
  });

  it('no-shows, warn: the booking is made and carries a Ukrainian warning', async () => {
    const d = await setup({ noShow: { periodDays: 30, threshold: 1, consequence: 'warn' } });
    const first = await d.ride('2026-11-24');
    expect(first.warnings).toBeUndefined();
    await recordOutcome(d.ports, HROMADA, first.id, 1, 'no-show', 'd', [], 'dispatcher');
    const next = await d.ride('2026-11-25', '09:00', { confirm: true });
    expect(next.status).toBe('confirmed');
    expect(next.warnings).toEqual(['Неявок за 30 дн.: 1 (поріг 1). Нагадайте мешканцю про скасування']);
  });

  it('no-shows, confirm: booked as requested even when the dispatcher confirms it, with the reason', async () => {
    const d = await setup({ noShow: { periodDays: 30, threshold: 1, consequence: 'confirm' } });
    const first = await d.ride('2026-11-24', '09:00', { confirm: true });
    expect(first.status).toBe('confirmed');
    await recordOutcome(d.ports, HROMADA, first.id, 1, 'no-show', 'd', [], 'dispatcher');
    const next = await d.ride('2026-11-25', '09:00', { confirm: true });
    expect(next.status).toBe('requested');
    expect(next.warnings).toEqual(['Неявок за 30 дн.: 1 (поріг 1): запис слід підтвердити телефоном']);
  });

  it('an admin overrides a refusal with a reason, recorded in the audit entry', async () => {
    const d = await setup({ monthlyRideQuota: 0 });
    const override = { reason: 'направлення на діаліз' };
    const booked = await d.ride('2026-11-24', '09:00', { override }).catch((e: unknown) => e);
    expect(booked).toBeInstanceOf(ForbiddenError); // a dispatcher may not override
    expect(d.entities.auditEntries.filter((a) => a.action === 'book')).toHaveLength(0);
    const ride = await d.book({ ...taxiRequest(d.anna.id, '2026-11-24'), override }, true);
    expect(ride.status).toBe('requested');
    const audit = d.entities.auditEntries.find((a) => a.action === 'book' && a.itemId === ride.id);
    expect(audit).toMatchObject({
      actor: 'admin-1',
      override: { codes: ['rule-quota'], reason: override.reason },
    });
  });
});

describe('rule refusals over HTTP', () => {
  it('maps a refusal to 422 with the rule code and the Ukrainian reason', async () => {
    const res = errorResponse(new RuleRefusalError('rule-quota', 'quota used', 'Ліміт вичерпано'), 'req-1');
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'rule-quota', message: 'quota used', reason: 'Ліміт вичерпано' },
    });
  });

  it('a dispatcher sending override gets 403; an admin books it (201)', async () => {
    const d = await setup({ monthlyRideQuota: 0 });
    const handler = httpHandler(new Router(apiRoutes(d.ports)));
    const body = { ...taxiRequest(d.anna.id, '2026-11-24'), override: { reason: 'за рішенням комісії' } };
    const post = (claims: Record<string, string>) =>
      handler(
        apiEvent('POST', `/hromady/${HROMADA}/requests`, body, undefined, claims),
        lambdaContext('api'),
      );
    const refused = await post(dispatcherOf(HROMADA));
    expect(refused.statusCode).toBe(403);
    const { override: _, ...plain } = body;
    const quota = await handler(
      apiEvent('POST', `/hromady/${HROMADA}/requests`, plain, undefined, dispatcherOf(HROMADA)),
      lambdaContext('api'),
    );
    expect(quota.statusCode).toBe(422);
    expect(JSON.parse(quota.body).error).toMatchObject({
      code: 'rule-quota',
      reason: expect.stringContaining('Ліміт'),
    });
    expect((await post(ADMIN)).statusCode).toBe(201);
  });
});
