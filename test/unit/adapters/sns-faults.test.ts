import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SnsSmsSender } from '../../../shared/adapters/sns/sns-sms-sender';
import { sendOutboxMessage } from '../../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { sweepOutbox } from '../../../shared/app/sweep-outbox';
import type { OutboxMessage } from '../../../shared/domain/entities/outbox-message';
import { HROMADA, memoryPorts, seedBasics, taxiRequest, withRules } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';

/**
 * SNS faults injected with aws-sdk-client-mock under the real SnsSmsSender and the outbox's send
 * use case: throttling (the modelled ThrottledException, the front end's 429 `Throttling`), 5xx
 * (modelled InternalErrorException, a 503, a 502 the SDK could not name) and a permanent refusal.
 */
const sns = mockClient(SNSClient);
afterEach(() => sns.reset());

type Fault = () => Error;
const fault =
  (name: string, status: number, fault: 'client' | 'server' = status >= 500 ? 'server' : 'client'): Fault =>
  () =>
    Object.assign(new Error(`${name} (${status})`), {
      name,
      $fault: fault,
      $metadata: { httpStatusCode: status },
    });

const THROTTLED = fault('ThrottledException', 400);
const FRONT_END_429 = fault('Throttling', 429);
const INTERNAL_500 = fault('InternalErrorException', 500);
const UNAVAILABLE_503 = fault('ServiceUnavailable', 503);
const UNNAMED_502 = fault('UnknownError', 502);
const INVALID = fault('InvalidParameterException', 400);

/** A seeded generator (Park–Miller), so a run is the same every time. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16_807) % 2_147_483_647;
    return s / 2_147_483_647;
  };
}

async function bookMany(n: number) {
  const { ports } = memoryPorts();
  const resident = await seedBasics(ports);
  await withRules(ports, { monthlyRideQuota: 1000 });
  for (let i = 0; i < n; i++) {
    const date = `2026-11-${24 + Math.floor(i / 10)}`;
    const time = `${String(8 + (i % 10)).padStart(2, '0')}:00`;
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, date, time)), 'd');
  }
  return ports;
}

/** The stream (every pending version, redelivered) and the sweeper, until every message is final. */
async function deliverAll(ports: Awaited<ReturnType<typeof bookMany>>): Promise<OutboxMessage[]> {
  const p = { ...ports, sms: new SnsSmsSender(new SNSClient({ region: 'eu-central-1' })) };
  for (let round = 0; round < 50; round++) {
    const all = (await p.outbox.listByHromada(HROMADA, { limit: 200 })).items;
    const open = all.filter((m) => m.status === 'pending' || m.status === 'sending');
    if (open.length === 0) return all;
    for (const m of open) if (m.status === 'pending') await sendOutboxMessage(p, m.id, m.version);
    await sweepOutbox(p);
  }
  throw new Error('messages still open after 50 rounds');
}

describe('SNS throttling and 5xx under the outbox sender', () => {
  it('40 messages through a seeded mix of faults: each sent once or failed with its reason, none twice', async () => {
    const ports = await bookMany(40);
    const random = seeded(13);
    const faults = [THROTTLED, FRONT_END_429, INTERNAL_500, UNAVAILABLE_503, UNNAMED_502];
    const delivered = new Map<string, number>();
    sns.on(PublishCommand).callsFake((input: { Message: string; PhoneNumber: string }) => {
      const r = random();
      if (input.Message.includes('25.11 між 12:45')) throw INVALID(); // refused for good
      if (r < 0.45) throw faults[Math.floor(random() * faults.length)]!();
      delivered.set(input.Message, (delivered.get(input.Message) ?? 0) + 1);
      return { MessageId: `sns-${delivered.size}` };
    });
    const final = await deliverAll(ports);

    expect(final).toHaveLength(40);
    const sent = final.filter((m) => m.status === 'sent');
    const failed = final.filter((m) => m.status === 'failed');
    expect(sent.length + failed.length).toBe(40);
    // none twice: every text (unique per booking) accepted by SNS at most once
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    expect(delivered.size).toBe(sent.length);
    for (const m of failed) expect(m.error).toMatch(/Exception|Throttling|Unavailable|Error/);
    // the permanent refusal fails at once; the transient faults are retried (most messages get through)
    const refused = failed.filter((m) => m.error?.startsWith('InvalidParameterException'));
    expect(refused.map((m) => m.attempts)).toEqual([1]);
    // seeded: 59 calls, 19 of them transient faults, all retried through; the refusal alone failed
    expect([sent.length, failed.length, sns.commandCalls(PublishCommand).length]).toEqual([39, 1, 59]);
  });

  it('a 502 the SDK could not name and a front-end 429 are retried, not failed for good', async () => {
    const ports = await bookMany(2);
    sns
      .on(PublishCommand)
      .rejectsOnce(UNNAMED_502())
      .rejectsOnce(FRONT_END_429())
      .resolves({ MessageId: 'sns-ok' });
    const final = await deliverAll(ports);
    expect(final.map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(4);
  });

  it('SNS down for good: every message ends failed with the reason after its attempts, none sent', async () => {
    const ports = await bookMany(5);
    sns.on(PublishCommand).callsFake(() => {
      throw INTERNAL_500();
    });
    const final = await deliverAll(ports);
    expect(final.map((m) => m.status)).toEqual(Array(5).fill('failed'));
    for (const m of final)
      expect(m).toMatchObject({ attempts: 5, error: expect.stringMatching(/^InternalErrorException/) });
    // the dispatcher is told: an alert for the day's failed messages
    const alerts = await ports.entities.alerts.forDay(HROMADA, '2026-11-23', undefined);
    expect(alerts.items.length).toBeGreaterThanOrEqual(1);
  });
});
