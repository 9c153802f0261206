import { describe, expect, it } from 'vitest';
import { handleInboundSms } from '../../../../shared/app/handle-inbound-sms';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { bookServiceRequest } from '../../../../shared/app/service-requests';
import { activateReturn } from '../../../../shared/app/taxi/activate-return';
import { ConflictError } from '../../../../shared/domain/errors';
import { parseInboundCommand } from '../../../../shared/messaging/inbound-commands';
import { countSegments } from '../../../../shared/messaging/segments';
import { returnActivated, type WindowText } from '../../../../shared/messaging/templates';
import { HROMADA, RAMP_TAXI, seedFleet } from '../../../support/fixtures';
import { bookingOf } from '../../../support/inputs';
import { homeToHospital, withPlaces } from './support';

const TODAY = '2026-11-23'; // the fake clock's Monday, 12:00 in Kyiv

/** A will-call return booked today (the outbound at 13:15), the clock then moved to 14:00 Kyiv. */
async function awaitingToday(options: { plan?: boolean } = {}) {
  const ctx = await withPlaces();
  if (options.plan) await seedFleet(ctx.ports, [RAMP_TAXI]);
  const body = homeToHospital(
    ctx.resident.id,
    { requestedTime: { kind: 'pickup', time: '13:15' }, return: { mode: 'will-call' } },
    TODAY,
  );
  const out = await bookServiceRequest(ctx.ports, HROMADA, bookingOf(body), 'd');
  if (options.plan) await planDay(ctx.ports, HROMADA, TODAY, 'd', { timeLimitMs: 1000, maxIterations: 200 });
  ctx.clock.at = new Date('2026-11-23T12:00:00Z');
  const back = (await ctx.ports.entities.requests.get(HROMADA, `${out.id}-r`))!;
  return { ...ctx, out, back };
}

const messages = (ctx: Awaited<ReturnType<typeof awaitingToday>>) =>
  [...ctx.entities.outbox.values()].filter((m) => m.id.startsWith('return-'));

describe('activating a will-call return', () => {
  it('by the dispatcher: a window from now plus the lead, no longer awaiting, one SMS with the window', async () => {
    const ctx = await awaitingToday();
    const { request, vehicleId } = await activateReturn(ctx.ports, HROMADA, ctx.back.id, 'd', {
      expectedVersion: ctx.back.version,
    });
    expect(request).toMatchObject({
      awaitingCall: false,
      requestedTime: { kind: 'pickup', time: '14:20' },
      window: { start: '2026-11-23T12:20:00.000Z', end: '2026-11-23T12:50:00.000Z' },
      version: ctx.back.version + 1,
    });
    expect(vehicleId).toBeUndefined(); // no plan yet for the day
    expect(messages(ctx).map((m) => m.text)).toEqual([
      'Соцтаксі додому 23.11: авто між 14:20-14:50. Скасувати: НІ',
    ]);
    expect(ctx.entities.auditEntries.at(-1)).toMatchObject({ action: 'edit', itemId: ctx.back.id });
  });

  it('refuses a second activation, a stale version and a request that is not a waiting return (409)', async () => {
    const ctx = await awaitingToday();
    await expect(
      activateReturn(ctx.ports, HROMADA, ctx.back.id, 'd', { expectedVersion: 99 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await activateReturn(ctx.ports, HROMADA, ctx.back.id, 'd');
    await expect(activateReturn(ctx.ports, HROMADA, ctx.back.id, 'd')).rejects.toMatchObject({
      kind: 'conflict',
      reason: expect.stringContaining('не повернення'),
    });
    await expect(activateReturn(ctx.ports, HROMADA, ctx.out.id, 'd')).rejects.toBeInstanceOf(ConflictError);
    expect(messages(ctx)).toHaveLength(1);
  });

  it('refuses a return of another day: it is activated on its day only', async () => {
    const ctx = await withPlaces();
    const body = homeToHospital(ctx.resident.id, { return: { mode: 'will-call' } }, '2026-11-24');
    const out = await bookServiceRequest(ctx.ports, HROMADA, bookingOf(body), 'd');
    await expect(activateReturn(ctx.ports, HROMADA, `${out.id}-r`, 'd')).rejects.toMatchObject({
      reason: expect.stringContaining('в день поїздки'),
    });
  });

  it('when the day has a plan, the activated return is inserted into the day under way', async () => {
    const ctx = await awaitingToday({ plan: true });
    const before = (await ctx.ports.entities.plans.forDay(HROMADA, TODAY))!;
    expect(before.routes.flatMap((r) => r.stops.map((s) => s.requestId))).not.toContain(ctx.back.id);
    const { vehicleId, planVersion } = await activateReturn(ctx.ports, HROMADA, ctx.back.id, 'd');
    expect(vehicleId).toBe(RAMP_TAXI.id);
    const after = (await ctx.ports.entities.plans.forDay(HROMADA, TODAY))!;
    expect(after.version).toBe(planVersion);
    expect(after.routes.flatMap((r) => r.stops.map((s) => s.requestId))).toContain(ctx.back.id);
  });
});

describe('ДОДОМУ by SMS', () => {
  let n = 0;
  const sms = (messageBody: string) => ({
    inboundMessageId: `home-${++n}`,
    originationNumber: '+380671234567',
    destinationNumber: '+380931112233',
    messageBody,
  });

  it('reads ДОДОМУ in any case, with punctuation, or in Latin letters', () => {
    for (const text of ['ДОДОМУ', 'додому!', ' Додому. ', 'DODOMU', 'dodomu'])
      expect(parseInboundCommand(text), text).toEqual({ kind: 'home' });
  });

  it('activates the resident return of today, once however often it is delivered', async () => {
    const ctx = await awaitingToday();
    const message = sms('Додому');
    expect(await handleInboundSms(ctx.ports, message)).toEqual({
      outcome: 'return-activated',
      hromadaId: HROMADA,
    });
    expect(await handleInboundSms(ctx.ports, message)).toEqual({ outcome: 'duplicate' });
    expect((await ctx.ports.entities.requests.get(HROMADA, ctx.back.id))?.awaitingCall).toBe(false);
    expect(ctx.entities.inboundRecords.get(message.inboundMessageId)).toMatchObject({
      outcome: 'return-activated',
      subject: `REQUEST#${ctx.back.id}`,
    });
    expect(messages(ctx)).toHaveLength(1);
  });

  it('with no return waiting today: nothing to act on, and the reply says so', async () => {
    const ctx = await withPlaces();
    expect(await handleInboundSms(ctx.ports, sms('ДОДОМУ'))).toEqual({
      outcome: 'nothing-to-act-on',
      hromadaId: HROMADA,
    });
  });
});

describe('the return SMS template', () => {
  it('fits one UCS-2 segment for every service word', () => {
    for (const service of ['social-taxi', 'mobile-brigade', 'mobile-case', 'delivery'] as const) {
      for (const confidential of [false, true]) {
        const t: WindowText = { service, confidential, day: '24.11', from: '11:20', to: '11:50' };
        expect(countSegments(returnActivated(t)), returnActivated(t)).toMatchObject({
          encoding: 'UCS-2',
          segments: 1,
        });
      }
    }
  });
});
