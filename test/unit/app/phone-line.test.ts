import { describe, expect, it } from 'vitest';
import { type CallAnswer, type CallStep, handleCall } from '../../../shared/app/handle-call';
import { createHromada } from '../../../shared/app/registry';
import { bookServiceRequest, changeRequestStatus } from '../../../shared/app/service-requests';
import { inDispatchHours } from '../../../shared/domain/dispatch-hours';
import { hromadaRulesSchema } from '../../../shared/domain/entities/hromada';
import { ivrPrompts, NO_NOTICE } from '../../../shared/messaging/ivr-prompts';
import { countSegments } from '../../../shared/messaging/segments';
import { caseWorld } from '../../support/case-world';
import { HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf, hromadaOf } from '../../support/inputs';

const RESIDENT = '+380671234567';
const LINE = '+380931112233';
/** 20:00 in Kyiv on a Monday: the dispatcher has gone home. */
const EVENING = new Date('2026-11-23T18:00:00Z');

let calls = 0;
const seen = new Set<string>();

/** One call: the first step, then each key in turn, as the contact flow would invoke the handler. */
async function call(
  ports: ReturnType<typeof memoryPorts>['ports'],
  caller: string | undefined,
  keys: string[],
): Promise<CallAnswer[]> {
  const contactId = `contact-${++calls}`;
  const base: CallStep = { contactId, dialled: LINE, ...(caller ? { caller } : {}) };
  const answers = [await handleCall(ports, base)];
  for (const digits of keys) {
    const last = answers.at(-1)!;
    if (last.action !== 'menu') throw new Error(`the call ended before key ${digits}`);
    answers.push(await handleCall(ports, { ...base, state: last.state, tries: last.tries, digits }));
  }
  for (const a of answers) {
    seen.add(a.prompt);
    if (a.notice !== NO_NOTICE) seen.add(a.notice);
  }
  return answers;
}

async function booked() {
  const ctx = memoryPorts();
  const resident = await seedBasics(ctx.ports);
  const request = await bookServiceRequest(
    ctx.ports,
    HROMADA,
    bookingOf(taxiRequest(resident.id)),
    'dispatcher',
  );
  return { ...ctx, resident, request };
}

describe('the phone line (IVR)', () => {
  it('a known caller confirms the next ride with 1', async () => {
    const { ports, request, entities } = await booked();
    const answers = await call(ports, RESIDENT, ['1']);
    expect(answers[0]).toMatchObject({
      action: 'menu',
      notice: 'welcome',
      prompt: 'menu-in-hours',
      state: 'main',
    });
    expect(answers[1]).toMatchObject({ action: 'hangup', prompt: 'confirmed' });
    const after = await ports.entities.requests.get(HROMADA, request.id);
    expect(after?.confirmedAt).toBeDefined();
    expect(after?.version).toBe(request.version + 1);
    expect(entities.auditEntries.at(-1)).toMatchObject({ action: 'confirm', actor: 'phone:+38067***4567' });
  });

  it('a known caller cancels the next ride with 2 and then 1 (on the version read)', async () => {
    const { ports, request, entities } = await booked();
    const answers = await call(ports, RESIDENT, ['2', '1']);
    expect(answers[1]).toMatchObject({
      prompt: 'cancel-ask',
      state: `cancel:${request.id}:${request.version}`,
    });
    expect(answers[2]).toMatchObject({ action: 'hangup', prompt: 'cancelled' });
    expect((await ports.entities.requests.get(HROMADA, request.id))?.status).toBe('cancelled');
    expect([...entities.outbox.values()].filter((m) => m.kind === 'cancellation')).toHaveLength(1);
  });

  it('9 keeps the ride, and a ride changed since it was read is not cancelled', async () => {
    const { ports, request } = await booked();
    expect((await call(ports, RESIDENT, ['2', '9'])).at(-1)).toMatchObject({ state: 'main' });
    // read at this version; the dispatcher confirms it before the caller presses 1
    const asked = (await call(ports, RESIDENT, ['2']))[1]!;
    await changeRequestStatus(
      ports,
      HROMADA,
      request.id,
      request.version,
      'confirmed',
      'd',
      [],
      'dispatcher',
    );
    const step: CallStep = {
      contactId: 'c',
      caller: RESIDENT,
      dialled: LINE,
      state: asked.state,
      digits: '1',
    };
    expect(await handleCall(ports, step)).toMatchObject({
      action: 'menu',
      notice: 'trip-changed',
      state: 'main',
    });
    expect((await ports.entities.requests.get(HROMADA, request.id))?.status).toBe('confirmed');
  });

  it('3 sends the next trips by SMS, in at most 2 segments, once per call', async () => {
    const { ports, resident, entities } = await booked();
    for (const [date, time] of [
      ['2026-11-25', '10:00'],
      ['2026-11-26', '11:00'],
      ['2026-11-27', '12:00'],
    ] as const) {
      await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, date, time)), 'dispatcher');
    }
    const answers = await call(ports, RESIDENT, ['3', '3']);
    expect(answers[1]).toMatchObject({ action: 'menu', notice: 'trips-sent', state: 'main' });
    const sms = [...entities.outbox.values()].filter((m) => m.id.startsWith('trips-'));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ to: RESIDENT, kind: 'change' });
    expect(sms[0]?.text).toBe(
      'Ваші поїздки: Соцтаксі 24.11 08:45-09:15; Соцтаксі 25.11 09:45-10:15; Соцтаксі 26.11 10:45-11:15',
    );
    expect(countSegments(sms[0]!.text).segments).toBeLessThanOrEqual(2);
  });

  it('finds the caller in any format Connect delivers', async () => {
    const { ports } = await booked();
    for (const format of ['+380671234567', '380671234567', '0671234567']) {
      expect((await call(ports, format, []))[0]).toMatchObject({ state: 'main', prompt: 'menu-in-hours' });
    }
  });

  it('puts an unknown number through to a dispatcher in working hours', async () => {
    const { ports } = await booked();
    expect((await call(ports, '+380501112233', []))[0]).toMatchObject({
      action: 'transfer',
      prompt: 'to-dispatcher',
    });
  });

  it('offers an unknown number a call-back outside working hours, and records it for the dispatcher', async () => {
    const { ports, entities, clock } = await booked();
    clock.at = EVENING;
    const answers = await call(ports, '0501112233', ['1']);
    expect(answers[0]).toMatchObject({ action: 'menu', prompt: 'callback-offer', state: 'callback-offer' });
    expect(answers[1]).toMatchObject({ action: 'hangup', prompt: 'callback-recorded' });
    expect((await entities.inbound.list(HROMADA)).items).toEqual([
      expect.objectContaining({
        from: '+380501112233',
        receivedAt: EVENING.toISOString(),
        outcome: 'callback-requested',
      }),
    ]);
  });

  it('records a known caller’s call-back once, with who they are', async () => {
    const { ports, entities, resident } = await booked();
    const first = await call(ports, RESIDENT, ['4']);
    expect(first[1]).toMatchObject({ prompt: 'callback-recorded' });
    // the flow retries the same step (same ContactId): still one call-back
    await handleCall(ports, {
      contactId: `contact-${calls}`,
      caller: RESIDENT,
      dialled: LINE,
      state: 'main',
      digits: '4',
    });
    const log = (await entities.inbound.list(HROMADA)).items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ from: RESIDENT, subject: `RESIDENT#${resident.id}` });
  });

  it('outside working hours 0 offers the call-back instead of a dispatcher', async () => {
    const { ports, clock } = await booked();
    clock.at = EVENING;
    const answers = await call(ports, RESIDENT, ['0']);
    expect(answers[0]).toMatchObject({ prompt: 'menu-after-hours' });
    expect(answers[1]).toMatchObject({ action: 'menu', prompt: 'callback-offer' });
  });

  it('a withheld number cannot be called back', async () => {
    const { ports, clock } = await booked();
    expect((await call(ports, undefined, []))[0]).toMatchObject({ action: 'transfer' });
    clock.at = EVENING;
    expect((await call(ports, undefined, []))[0]).toMatchObject({ action: 'hangup', prompt: 'no-number' });
  });

  it('says when there is no ride, and gives up after three keys not understood', async () => {
    const { ports } = await booked();
    await call(ports, RESIDENT, ['2', '1']);
    const answers = await call(ports, RESIDENT, ['1', '7', 'Timeout', '#']);
    expect(answers[1]).toMatchObject({ notice: 'no-trip', state: 'main' });
    expect(answers.slice(2).map((a) => [a.action, a.notice, a.tries])).toEqual([
      ['menu', 'not-understood', 1],
      ['menu', 'not-understood', 2],
      ['hangup', 'not-understood', 0],
    ]);
  });

  it('an unknown caller belongs to the hromada whose line was dialled; a line no hromada owns says try later', async () => {
    const { ports, clock } = await booked();
    await createHromada(
      ports,
      hromadaOf({ id: 'other', name: 'Інша громада', rules: { inboundNumber: '+380442223344' } }),
      't',
    );
    clock.at = EVENING;
    const step = (dialled: string) =>
      handleCall(ports, {
        contactId: `c-${dialled}`,
        caller: '0501112233',
        dialled,
        state: 'callback-offer',
        digits: '1',
      });
    expect(await step('+380442223344')).toMatchObject({ prompt: 'callback-recorded' });
    expect((await ports.entities.inbound.list('other')).items).toHaveLength(1);
    expect((await ports.entities.inbound.list(HROMADA)).items).toHaveLength(0);
    expect(await step('+380931112233')).toMatchObject({ action: 'hangup', prompt: 'try-later' });
  });

  it('5 then 1 books tomorrow the same ride as last time, once per call, confirmed by SMS', async () => {
    const { ports, request, entities, clock } = await booked();
    clock.at = new Date('2026-11-25T10:00:00Z'); // two days later, Wednesday noon in Kyiv
    const answers = await call(ports, RESIDENT, ['5', '1']);
    expect(answers[1]).toMatchObject({ action: 'menu', prompt: 'repeat-ask', state: 'repeat' });
    expect(answers[2]).toMatchObject({ action: 'hangup', prompt: 'repeat-booked' });
    const trips = (await ports.entities.requests.byResident(HROMADA, request.residentId)).items;
    const repeat = trips.find((t) => t.id !== request.id)!;
    expect(repeat).toMatchObject({
      date: '2026-11-26',
      pickup: request.pickup,
      dropoff: request.dropoff,
      requestedTime: request.requestedTime,
      purpose: request.purpose,
      status: 'requested',
    });
    const confirmation = [...entities.outbox.values()].find((m) => m.id === `book-${repeat.id}`);
    expect(confirmation?.text).toMatch(/^Соцтаксі 26\.11/);
    expect(countSegments(confirmation!.text).segments).toBe(1);
    // the same key again in the same call (Connect retried the step) books nothing more
    const again = await handleCall(ports, {
      contactId: `contact-${calls}`,
      dialled: LINE,
      caller: RESIDENT,
      state: 'repeat',
      digits: '1',
    });
    expect(again.prompt).toBe('repeat-booked');
    expect((await ports.entities.requests.byResident(HROMADA, request.residentId)).items).toHaveLength(2);
  });

  it('5 with no ride to repeat says so; a repeat that cannot be booked goes to a dispatcher', async () => {
    const fresh = memoryPorts();
    await seedBasics(fresh.ports);
    expect((await call(fresh.ports, RESIDENT, ['5']))[1]).toMatchObject({ notice: 'no-trip', state: 'main' });
    // tomorrow already holds that ride: the booking is refused (an overlap), the caller is put through
    const { ports } = await booked();
    const answers = await call(ports, RESIDENT, ['5', '1']);
    expect(answers[2]).toMatchObject({
      action: 'transfer',
      notice: 'repeat-refused',
      prompt: 'to-dispatcher',
    });
  });

  it('6 books the first free slot at the next mobile-case stop in the village; the time goes by SMS', async () => {
    const { ports, entities } = await caseWorld(); // Анна of Березна (+380671234567), a stop there on Tuesday
    const answers = await call(ports, RESIDENT, ['6']);
    expect(answers[1]).toMatchObject({ action: 'hangup', prompt: 'case-booked' });
    expect((await ports.entities.caseBookings.forStop(HROMADA, 'berezna-tue')).map((b) => b.slot)).toEqual([
      0,
    ]);
    const sms = [...entities.outbox.values()].filter((m) => m.subject === 'CASESTOP#berezna-tue');
    expect(sms.map((m) => m.text)).toEqual(['Записано: ЦНАП 24.11 о 10:00, Березна. Відмова: ВІДМОВА']);
    // pressed again (another call): the slot is kept, nothing booked twice
    expect((await call(ports, RESIDENT, ['6']))[1]).toMatchObject({ prompt: 'case-booked' });
    expect(await ports.entities.caseBookings.forStop(HROMADA, 'berezna-tue')).toHaveLength(1);
  });

  it('6 where no stop is coming says so and goes back to the menu', async () => {
    const { ports } = await booked();
    expect((await call(ports, RESIDENT, ['6']))[1]).toMatchObject({ notice: 'case-none', state: 'main' });
  });

  it('every prompt the menu used has a recorded text', () => {
    expect(seen.size).toBeGreaterThan(10);
    for (const id of seen) expect(Object.keys(ivrPrompts)).toContain(id);
  });
});

describe('dispatch hours', () => {
  const rules = hromadaRulesSchema.parse({});
  it('default to Monday to Friday, 08:00–17:00 in Kyiv', () => {
    expect(inDispatchHours(rules, new Date('2026-11-23T06:00:00Z'), 'Europe/Kyiv')).toBe(true); // Mon 08:00
    expect(inDispatchHours(rules, new Date('2026-11-23T05:59:00Z'), 'Europe/Kyiv')).toBe(false);
    expect(inDispatchHours(rules, new Date('2026-11-23T15:00:00Z'), 'Europe/Kyiv')).toBe(false); // 17:00
    expect(inDispatchHours(rules, new Date('2026-11-28T10:00:00Z'), 'Europe/Kyiv')).toBe(false); // Sat
    expect(inDispatchHours(rules, new Date('2026-07-03T05:30:00Z'), 'Europe/Kyiv')).toBe(true); // Fri 08:30 summer
  });
});
