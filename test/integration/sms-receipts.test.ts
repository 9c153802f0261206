import { beforeAll, describe, expect, it } from 'vitest';
import { type AnyHandler, lambdaContext } from '../../infra/local/lambda-context';
import { smsReceiptEvent } from '../../infra/local/sms-receipts';
import { queueSms } from '../../shared/app/queue-sms';
import { sendOutboxMessage } from '../../shared/app/send-outbox-message';
import { readSmsMonth } from '../../shared/app/sms-spend';
import type { OutboxKind } from '../../shared/domain/entities/outbox-message';
import type { Ports } from '../../shared/ports/ports';
import { HROMADA, RecordingSmsSender, seedBasics, withRules } from '../support/fixtures';
import { FixedClock, freshTable, portsFor } from './support';

let t: Awaited<ReturnType<typeof freshTable>>;
let ports: Ports;
let receiptsHandler: AnyHandler;
const clock = new FixedClock(new Date('2026-12-02T09:00:00Z'));

beforeAll(async () => {
  t = await freshTable('receipts');
  receiptsHandler = (await import('../../functions/sms-receipts/handler')).handler as AnyHandler;
  ports = { ...portsFor(t, clock), sms: new RecordingSmsSender() };
  await seedBasics(ports);
  // 0.10 USD a month at 0.05 a segment: two one-segment messages, then the cap
  await withRules(ports, { monthlySmsSpendCapUsd: 0.1 });
});

async function queueAndSend(id: string, kind: OutboxKind) {
  const hromada = (await ports.entities.hromady.get(HROMADA))!;
  const queued = queueSms(ports, hromada, {
    id,
    kind,
    to: '+380501112233',
    text: 'Маршрут 02.12: 1) 07:40 Березна',
    subject: 'PLAN#2026-12-02',
    confidential: false,
  });
  await ports.entities.commit([queued]);
  return sendOutboxMessage(ports, id, 1, 0.05);
}

const receive = (outboxId: string, messageStatus: string) =>
  receiptsHandler(
    smsReceiptEvent(
      { outboxId, messageStatus },
      { segments: 1, pricePerSegmentUsd: 0.0712, at: clock.now() },
    ),
    lambdaContext('sms-receipts'),
  );

describe('SMS spend and delivery receipts on DynamoDB Local', () => {
  it('holds back what passes the monthly spend cap, and reports it', async () => {
    expect(await queueAndSend('route-a', 'driver-route')).toBe('sent');
    expect(await queueAndSend('remind-b', 'reminder')).toBe('sent');
    expect(await queueAndSend('remind-c', 'reminder')).toBe('over-spend-cap');
    expect(await t.outbox.get('remind-c')).toMatchObject({
      status: 'failed',
      error: 'monthly SMS spend cap of 0.1 USD reached',
    });
    expect(await readSmsMonth(ports, HROMADA)).toEqual({
      month: '2026-12',
      segments: 2,
      estimatedUsd: 0.1,
      receiptsUsd: 0,
      capUsd: 0.1,
      remainingUsd: 0,
      heldBack: { daily: 0, monthly: 1 },
    });
  });

  it('records each receipt once, counts its price once, and tries an undelivered route once more', async () => {
    await receive('remind-b', 'DELIVERED');
    await receive('remind-b', 'DELIVERED');
    await receive('route-a', 'UNREACHABLE');
    await receive('route-a', 'UNREACHABLE');
    expect((await t.outbox.get('remind-b'))?.delivery).toMatchObject({
      status: 'delivered',
      priceUsd: 0.0712,
    });
    expect((await t.outbox.get('route-a'))?.delivery).toMatchObject({
      status: 'failed',
      carrierStatus: 'UNREACHABLE',
    });
    expect(await t.outbox.get('route-a-again')).toMatchObject({ status: 'pending', resendOf: 'route-a' });
    const month = await readSmsMonth(ports, HROMADA);
    expect(month.receiptsUsd).toBeCloseTo(0.1424, 6);
  });

  it('a failed delivery receipt raises one alert, even when the receipt comes twice', async () => {
    expect(await sendOutboxMessage(ports, 'route-a-again', 1, 0)).toBe('sent');
    await receive('route-a-again', 'UNREACHABLE');
    await receive('route-a-again', 'UNREACHABLE');
    const alerts = (await ports.entities.alerts.forDay(HROMADA, '2026-12-02', false)).items;
    expect(
      alerts.filter((a) => a.kind === 'sms-failed' && a.text.includes('зателефонуйте водію')),
    ).toHaveLength(1);
  });
});
