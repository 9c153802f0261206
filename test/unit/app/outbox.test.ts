import { describe, expect, it } from 'vitest';
import type { MemoryOutboxRepository } from '../../../shared/adapters/memory/memory-outbox-repository';
import { queueReminders } from '../../../shared/app/queue-reminders';
import { sendOutboxMessage } from '../../../shared/app/send-outbox-message';
import { bookServiceRequest, changeRequestStatus } from '../../../shared/app/service-requests';
import { sweepOutbox } from '../../../shared/app/sweep-outbox';
import { PENDING_GRACE_SECONDS, SEND_LEASE_SECONDS } from '../../../shared/domain/entities/outbox-message';
import { ConflictError } from '../../../shared/domain/errors';
import { countSegments } from '../../../shared/messaging/segments';
import { FakeClock, HROMADA, memoryPorts, seedBasics, taxiRequest, withRules } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';

describe('booking writes the request, its audit entry and the SMS together', () => {
  it('queues a one-segment confirmation with the Kyiv-time window', async () => {
    const { ports, entities } = memoryPorts();
    const resident = await seedBasics(ports);
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id)),
      'dispatcher',
    );
    // 09:00 Kyiv (winter, +02:00) ± 15 min.
    expect(request.window).toEqual({ start: '2026-11-24T06:45:00.000Z', end: '2026-11-24T07:15:00.000Z' });
    const [message] = [...entities.outbox.values()];
    expect(message).toMatchObject({
      to: '+380671234567',
      kind: 'booking-confirmation',
      senderId: 'KhmilnykSoc',
      status: 'pending',
      text: 'Соцтаксі 24.11 між 08:45-09:15. Скасувати: НІ',
    });
    expect(countSegments(message!.text).segments).toBe(1);
    expect(entities.auditEntries.at(-1)).toMatchObject({ action: 'book', itemId: request.id });
  });

  it('keeps a confidential case out of the text and uses the neutral sender', async () => {
    const { ports, entities } = memoryPorts();
    const resident = await seedBasics(ports, { confidential: true });
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf({
        ...taxiRequest(resident.id),
        serviceType: 'mobile-brigade',
        dropoff: undefined,
        purpose: 'social-services',
      }),
      'dispatcher',
    );
    expect(request.confidential).toBe(true);
    const [message] = [...entities.outbox.values()];
    expect(message?.senderId).toBe('Info');
    expect(message?.text).toBe('Зустріч 24.11 між 08:45-09:15. Скасувати: НІ');
    expect(JSON.stringify(message)).not.toMatch(/Березна|Шевченка|social|medical/);
  });

  it('sends nothing to a resident without SMS consent', async () => {
    const { ports, entities } = memoryPorts();
    const resident = await seedBasics(ports, { smsConsent: false });
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'dispatcher');
    expect(entities.outbox.size).toBe(0);
  });

  it('writes nothing when the transaction fails', async () => {
    const { ports, entities } = memoryPorts();
    const resident = await seedBasics(ports);
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id)),
      'dispatcher',
    );
    await changeRequestStatus(ports, HROMADA, request.id, 1, 'cancelled', 'dispatcher', [], 'dispatcher');
    const before = entities.auditEntries.length;
    // A second cancel with the stale version: nothing of it is written.
    await expect(
      changeRequestStatus(ports, HROMADA, request.id, 1, 'cancelled', 'dispatcher', [], 'dispatcher'),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(entities.auditEntries.length).toBe(before);
    expect([...entities.outbox.keys()].filter((k) => k.startsWith('cancel-'))).toHaveLength(1);
  });
});

describe('sending from the outbox', () => {
  async function queued() {
    const ctx = memoryPorts();
    const resident = await seedBasics(ctx.ports);
    await bookServiceRequest(ctx.ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'dispatcher');
    const message = [...ctx.entities.outbox.values()][0]!;
    return { ...ctx, message };
  }

  it('sends once even when the same record is delivered twice', async () => {
    const { ports, sms, message, entities } = await queued();
    expect(await sendOutboxMessage(ports, message.id, message.version)).toBe('sent');
    expect(await sendOutboxMessage(ports, message.id, message.version)).toBe('already-handled');
    expect(sms.sent).toHaveLength(1);
    expect(entities.outbox.get(message.id)).toMatchObject({
      status: 'sent',
      providerMessageId: 'sns-1',
      attempts: 1,
    });
  });

  it('puts a throttled message back to pending, and gives up after five attempts', async () => {
    const { ports, sms, message, entities } = await queued();
    sms.result = { ok: false, retryable: true, error: 'ThrottledException' };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const current = entities.outbox.get(message.id)!;
      const outcome = await sendOutboxMessage(ports, message.id, current.version);
      expect(outcome).toBe('retry-later');
      expect(entities.outbox.get(message.id)?.status).toBe(attempt < 5 ? 'pending' : 'failed');
    }
    expect(sms.sent).toHaveLength(5);
  });

  it('stops at the hromada daily segment cap and records why', async () => {
    const { ports, sms, message, entities } = await queued();
    await withRules(ports, { dailySmsSegmentCap: 0 });
    expect(await sendOutboxMessage(ports, message.id, message.version)).toBe('over-cap');
    expect(sms.sent).toHaveLength(0);
    expect(entities.outbox.get(message.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/cap/),
    });
    expect((await ports.outbox.smsMonth(HROMADA, '2026-11')).heldBackDaily).toBe(1);
  });

  it("holds back what would pass the hromada's monthly spend cap, counted, never silently", async () => {
    const { ports, sms, message, entities } = await queued();
    await withRules(ports, { monthlySmsSpendCapUsd: 0.04 });
    expect(await sendOutboxMessage(ports, message.id, message.version, 0.05)).toBe('over-spend-cap');
    expect(sms.sent).toHaveLength(0);
    expect(entities.outbox.get(message.id)).toMatchObject({
      status: 'failed',
      error: 'monthly SMS spend cap of 0.04 USD reached',
    });
    expect(await ports.outbox.smsMonth(HROMADA, '2026-11')).toMatchObject({
      segments: 0,
      estimatedMicroUsd: 0,
      heldBackMonthly: 1,
    });
  });

  it("counts a sent message's segments and estimated cost in its month", async () => {
    const { ports, message } = await queued();
    expect(await sendOutboxMessage(ports, message.id, message.version, 0.05)).toBe('sent');
    expect(await ports.outbox.smsMonth(HROMADA, '2026-11')).toMatchObject({
      segments: message.segments,
      estimatedMicroUsd: message.segments * 50_000,
    });
  });
});

describe('a sender that dies between its claim and the send (issue 7, defect 1)', () => {
  /** The sender's process dies inside the provider call: the call never returns. */
  async function dieInsideSend(ctx: Awaited<ReturnType<typeof queuedMessage>>, version: number) {
    const real = ctx.ports.sms;
    ctx.ports.sms = { send: () => new Promise(() => undefined) };
    void sendOutboxMessage(ctx.ports, ctx.message.id, version);
    await new Promise((r) => setTimeout(r, 0));
    ctx.ports.sms = real;
  }
  const later = (ctx: { clock: FakeClock }, seconds: number) => {
    ctx.clock.at = new Date(ctx.clock.at.getTime() + seconds * 1000);
  };

  it('is taken back after its lease and sent once, paying the SMS budget once', async () => {
    const ctx = await queuedMessage();
    await dieInsideSend(ctx, ctx.message.version);
    expect(ctx.entities.outbox.get(ctx.message.id)).toMatchObject({ status: 'sending', attempts: 1 });
    // Within the lease the claim may still be alive: nothing is taken back.
    later(ctx, SEND_LEASE_SECONDS - 1);
    expect(await sweepOutbox(ctx.ports)).toMatchObject({ requeued: 0 });
    later(ctx, 2);
    expect(await sweepOutbox(ctx.ports)).toMatchObject({ requeued: 1, failed: 0 });
    const requeued = ctx.entities.outbox.get(ctx.message.id)!;
    expect(requeued).toMatchObject({ status: 'pending', error: expect.stringMatching(/stopped/) });
    // The stream delivers the new version; the old record (redelivered) does nothing.
    expect(await sendOutboxMessage(ctx.ports, ctx.message.id, ctx.message.version)).toBe('already-handled');
    expect(await sendOutboxMessage(ctx.ports, ctx.message.id, requeued.version)).toBe('sent');
    expect(ctx.sms.sent).toHaveLength(1);
    expect(ctx.entities.outbox.get(ctx.message.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect([...(ctx.ports.outbox as MemoryOutboxRepository).segmentsByDay.values()]).toEqual([1]);
    // Sent is final: the sweeper has nothing left.
    later(ctx, 3600);
    expect(await sweepOutbox(ctx.ports)).toEqual({
      requeued: 0,
      nudged: 0,
      released: 0,
      failed: 0,
      skipped: 0,
    });
  });

  it('is marked failed, with the reason shown to the dispatcher, when every attempt died', async () => {
    const ctx = await queuedMessage();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await dieInsideSend(ctx, ctx.entities.outbox.get(ctx.message.id)!.version);
      later(ctx, SEND_LEASE_SECONDS + 1);
      await sweepOutbox(ctx.ports);
    }
    expect(ctx.entities.outbox.get(ctx.message.id)).toMatchObject({
      status: 'failed',
      attempts: 5,
      error: expect.stringMatching(/no outcome recorded after 5 attempts/),
    });
    const listed = await ctx.ports.outbox.listByHromada(HROMADA);
    expect(listed.items.find((m) => m.id === ctx.message.id)?.status).toBe('failed');
  });

  it('a pending message whose stream record was missed gets a new version the stream delivers', async () => {
    const ctx = await queuedMessage();
    later(ctx, PENDING_GRACE_SECONDS + 1);
    expect(await sweepOutbox(ctx.ports)).toMatchObject({ nudged: 1 });
    const nudged = ctx.entities.outbox.get(ctx.message.id)!;
    expect(nudged.version).toBe(ctx.message.version + 1);
    expect(await sendOutboxMessage(ctx.ports, ctx.message.id, nudged.version)).toBe('sent');
    expect(ctx.sms.sent).toHaveLength(1);
  });

  it('a sender that records its outcome first wins over the sweeper', async () => {
    const ctx = await queuedMessage();
    later(ctx, PENDING_GRACE_SECONDS + 1);
    const [due] = await ctx.ports.outbox.listDue(ctx.clock.now().toISOString(), 10);
    expect(await sendOutboxMessage(ctx.ports, ctx.message.id, ctx.message.version)).toBe('sent');
    expect(await ctx.ports.outbox.takeBack(due!, 'late', undefined)).toBe(false);
    expect(ctx.entities.outbox.get(ctx.message.id)?.status).toBe('sent');
  });
});

async function queuedMessage() {
  const ctx = memoryPorts();
  const resident = await seedBasics(ctx.ports);
  await bookServiceRequest(ctx.ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'dispatcher');
  return { ...ctx, message: [...ctx.entities.outbox.values()][0]! };
}

describe('evening reminders', () => {
  it('queue one reminder per request for tomorrow, however often the schedule fires', async () => {
    const clock = new FakeClock(new Date('2026-11-23T16:00:00Z')); // 18:00 Kyiv
    const { ports, entities } = memoryPorts(clock);
    const resident = await seedBasics(ports);
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, '2026-11-24', '09:00')), 'd');
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, '2026-11-25', '09:00')), 'd');
    expect(await queueReminders(ports)).toMatchObject({ queued: 1, alreadyQueued: 0 });
    expect(await queueReminders(ports)).toMatchObject({ queued: 0, alreadyQueued: 1 });
    const reminders = [...entities.outbox.values()].filter((m) => m.kind === 'reminder');
    expect(reminders.map((m) => m.text)).toEqual([
      'Завтра Соцтаксі 08:45-09:15. ТАК-підтвердити, НІ-скасувати',
    ]);
  });
});
