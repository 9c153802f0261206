import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { smsReceiptRecordSchema } from '../../../events/contracts/sms-receipt';
import { receiptOf } from '../../../functions/sms-receipts/receipt-of';
import { queueSms } from '../../../shared/app/queue-sms';
import { recordSmsReceipt } from '../../../shared/app/record-sms-receipt';
import { deliveryStatusOf, type SmsReceipt } from '../../../shared/domain/sms-receipt';
import { HROMADA, memoryPorts, seedBasics, withRules } from '../../support/fixtures';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../events/sns/${name}.json`, import.meta.url), 'utf8'));

/** A hromada and one route SMS already sent, as send-sms leaves it. */
async function sentRoute(options: { resendFailedRoute?: boolean } = {}) {
  const world = memoryPorts();
  await seedBasics(world.ports);
  const hromada =
    options.resendFailedRoute === false
      ? await withRules(world.ports, { resendFailedRoute: false })
      : (await world.ports.entities.hromady.get(HROMADA))!;
  const { message } = queueSms(world.ports, hromada, {
    id: 'route-2026-12-02-veh1-v1-1',
    kind: 'driver-route',
    to: '+380501112233',
    text: 'Маршрут 02.12: 1) 07:40 Березна, Шевченка 5',
    subject: 'PLAN#2026-12-02',
    confidential: false,
  });
  world.entities.outbox.set(message.id, {
    ...message,
    status: 'sent',
    version: 3,
    providerMessageId: 'p-1',
    reservedOn: '2026-12-02',
  });
  return { ...world, message, hromada };
}

const receipt = (over: Partial<SmsReceipt> = {}): SmsReceipt => ({
  outboxId: 'route-2026-12-02-veh1-v1-1',
  providerMessageId: 'p-1',
  messageStatus: 'DELIVERED',
  isFinal: true,
  priceUsd: 0.1398,
  parts: 2,
  at: '2026-12-01T18:00:00.000Z',
  ...over,
});

describe('what a receipt means', () => {
  it.each([
    ['DELIVERED', true, 'delivered'],
    ['DELIVERED', false, 'delivered'],
    ['SUCCESSFUL', true, 'delivered'],
    ['SUCCESSFUL', false, 'pending'],
    ['PENDING', false, 'pending'],
    ['QUEUED', false, 'pending'],
    // an accepted-and-queued word is never a failure, whatever its flag says
    ['QUEUED', true, 'pending'],
    ['UNREACHABLE', true, 'failed'],
    ['TTL_EXPIRED', true, 'failed'],
    ['UNKNOWN', true, 'failed'],
    ['CARRIER_BLOCKED', true, 'failed'],
  ] as const)('%s (final: %s) is %s', (messageStatus, isFinal, expected) => {
    expect(deliveryStatusOf({ messageStatus, isFinal })).toBe(expected);
  });

  it('decodes the sample events of the receipts topic, with our outbox id', () => {
    const delivered = smsReceiptRecordSchema.parse(sample('sms-receipt-delivered').Records[0]);
    expect(receiptOf(delivered.event!)).toMatchObject({
      outboxId: 'route-2026-12-02-veh1-v1-1',
      messageStatus: 'DELIVERED',
      isFinal: true,
      priceUsd: 0.1398,
      parts: 2,
      at: '2026-12-01T18:00:00.000Z',
    });
    const failed = smsReceiptRecordSchema.parse(sample('sms-receipt-failed').Records[0]);
    expect(failed.event?.messageStatus).toBe('UNREACHABLE');
  });

  it('drops an event without our context instead of failing the batch', () => {
    const record = sample('sms-receipt-delivered').Records[0];
    const event = JSON.parse(record.Sns.Message);
    delete event.context;
    record.Sns.Message = JSON.stringify(event);
    expect(smsReceiptRecordSchema.parse(record).event).toBeUndefined();
    record.Sns.Message = 'not json';
    expect(smsReceiptRecordSchema.parse(record).event).toBeUndefined();
  });
});

describe('recording a receipt on its message', () => {
  it('records the final status, carrier status and price; the same receipt twice changes nothing', async () => {
    const { ports, entities, message } = await sentRoute();
    expect(await recordSmsReceipt(ports, receipt())).toBe('recorded');
    expect(entities.outbox.get(message.id)).toMatchObject({
      status: 'sent',
      version: 4,
      delivery: { status: 'delivered', carrierStatus: 'DELIVERED', priceUsd: 0.1398, parts: 2 },
    });
    expect(await recordSmsReceipt(ports, receipt())).toBe('duplicate');
    expect(entities.outbox.get(message.id)?.version).toBe(4);
    // the month's receipted spend counts the price once
    expect(entities.smsMonths.get(`${HROMADA}|2026-12`)?.receiptsMicroUsd).toBe(139_800);
  });

  it('takes a pending word, then the final one; a late pending after the final one is ignored', async () => {
    const { ports, entities, message } = await sentRoute();
    expect(await recordSmsReceipt(ports, receipt({ messageStatus: 'PENDING', isFinal: false }))).toBe(
      'recorded',
    );
    expect(entities.outbox.get(message.id)?.delivery?.status).toBe('pending');
    expect(await recordSmsReceipt(ports, receipt({ messageStatus: 'PENDING', isFinal: false }))).toBe(
      'duplicate',
    );
    expect(await recordSmsReceipt(ports, receipt())).toBe('recorded');
    expect(await recordSmsReceipt(ports, receipt({ messageStatus: 'QUEUED', isFinal: false }))).toBe(
      'duplicate',
    );
    expect(entities.outbox.get(message.id)?.delivery?.status).toBe('delivered');
  });

  it('an undelivered route is tried once more, in the same change; a failed second try is not', async () => {
    const { ports, entities, message } = await sentRoute();
    const failed = receipt({ messageStatus: 'UNREACHABLE' });
    expect(await recordSmsReceipt(ports, failed)).toBe('recorded');
    const again = entities.outbox.get(`${message.id}-again`);
    expect(again).toMatchObject({
      status: 'pending',
      resendOf: message.id,
      text: message.text,
      to: message.to,
    });
    expect(await recordSmsReceipt(ports, failed)).toBe('duplicate');
    // no alert yet: the second try may still reach the driver
    expect((await ports.entities.alerts.forDay(HROMADA, '2026-11-23', undefined)).items).toEqual([]);
    entities.outbox.set(again!.id, { ...again!, status: 'sent', version: 3 });
    expect(await recordSmsReceipt(ports, { ...failed, outboxId: again!.id })).toBe('recorded');
    expect(await recordSmsReceipt(ports, { ...failed, outboxId: again!.id })).toBe('duplicate');
    expect([...entities.outbox.keys()].filter((id) => id.startsWith(message.id))).toHaveLength(2);
    // the second failure asks the dispatcher to phone the driver, once
    const alerts = (await ports.entities.alerts.forDay(HROMADA, '2026-11-23', false)).items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'sms-failed',
      phone: message.to,
      text: expect.stringMatching(/зателефонуйте водію/),
    });
  });

  it("an undelivered resident's message is an alert for the dispatcher, once", async () => {
    const { ports, entities, hromada } = await sentRoute();
    const { message } = queueSms(ports, hromada, {
      id: 'remind-r1-2026-11-24',
      kind: 'reminder',
      to: '+380671234567',
      text: 'Нагадування: соцтаксі 24.11 між 08:45-09:15',
      subject: 'REQUEST#r1',
      confidential: false,
    });
    entities.outbox.set(message.id, { ...message, status: 'sent', version: 3 });
    const undelivered = receipt({ outboxId: message.id, messageStatus: 'TTL_EXPIRED' });
    expect(await recordSmsReceipt(ports, undelivered)).toBe('recorded');
    expect(await recordSmsReceipt(ports, undelivered)).toBe('duplicate');
    const alerts = (await ports.entities.alerts.forDay(HROMADA, '2026-11-23', false)).items;
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'sms-failed',
        requestId: 'r1',
        text: 'SMS не доставлено (нагадування): оператор: TTL_EXPIRED',
      }),
    ]);
  });

  it('sends no second try when the hromada turned it off', async () => {
    const { ports, entities, message } = await sentRoute({ resendFailedRoute: false });
    expect(await recordSmsReceipt(ports, receipt({ messageStatus: 'UNREACHABLE' }))).toBe('recorded');
    expect(entities.outbox.has(`${message.id}-again`)).toBe(false);
  });

  it('a receipt for a message it does not know (expired, or not ours) is dropped', async () => {
    const { ports } = await sentRoute();
    expect(await recordSmsReceipt(ports, receipt({ outboxId: 'nope' }))).toBe('unknown-message');
  });
});
