import { describe, expect, it } from 'vitest';
import { listAlerts } from '../../../../shared/app/alerts/alerts';
import { handleInboundSms } from '../../../../shared/app/handle-inbound-sms';
import { runReport } from '../../../../shared/app/reports/run-report';
import { recordOutcome } from '../../../../shared/app/service-requests';
import { countSegments } from '../../../../shared/messaging/segments';
import { HROMADA } from '../../../support/fixtures';
import { TUESDAY } from '../planning/demo-day';
import { OLENA_PHONE, publishedDay, sms } from './told-day';

/** Олена's ride, picked up and dropped off (by the dispatcher): done, with the rating asked. */
async function doneRide(olenaExtra: Record<string, unknown> = {}) {
  const day = await publishedDay(olenaExtra);
  const id = day.rides.olena.id;
  day.clock.at = new Date('2026-11-24T08:00:00Z');
  const current = (await day.ports.entities.requests.get(HROMADA, id))!;
  const onBoard = await recordOutcome(
    day.ports,
    HROMADA,
    id,
    current.version,
    'on-board',
    'd',
    [],
    'dispatcher',
  );
  await recordOutcome(day.ports, HROMADA, id, onBoard.version, 'done', 'd', [], 'dispatcher');
  return { ...day, id };
}

const outbox = async (ports: Awaited<ReturnType<typeof doneRide>>['ports'], kind: string) =>
  (await ports.outbox.listByHromada(HROMADA)).items.filter((m) => m.kind === kind || m.id.startsWith(kind));

describe('feedback after a trip or visit', () => {
  it('asks once, in one segment, when the request is done', async () => {
    const day = await doneRide();
    const asked = await outbox(day.ports, 'feedback');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ id: `feedback-${day.id}`, to: OLENA_PHONE, segments: 1 });
    expect(countSegments(asked[0]!.text).segments).toBe(1);
    expect(await day.ports.entities.requests.get(HROMADA, day.id)).toMatchObject({
      status: 'done',
      feedbackAskedAt: '2026-11-24T08:00:00.000Z',
    });
  });

  it('stores a reply 1-5 on the request; text after the rating is a complaint alert', async () => {
    const day = await doneRide();
    day.clock.at = new Date('2026-11-24T09:00:00Z');
    expect((await handleInboundSms(day.ports, sms(' 4 ', OLENA_PHONE))).outcome).toBe('feedback-rated');
    expect((await day.ports.entities.requests.get(HROMADA, day.id))?.feedback).toEqual({
      rating: 4,
      at: '2026-11-24T09:00:00.000Z',
    });
    expect(await outbox(day.ports, 'thanks-')).toHaveLength(1);

    const text = 'Водій запізнився на пів години';
    expect((await handleInboundSms(day.ports, sms(text, OLENA_PHONE))).outcome).toBe('complaint');
    const alerts = (await listAlerts(day.ports, HROMADA, { date: TUESDAY })).items.filter(
      (a) => a.kind === 'complaint',
    );
    expect(alerts).toEqual([
      expect.objectContaining({
        requestId: day.id,
        phone: OLENA_PHONE,
        text: `Скарга після оцінки: ${text}`,
      }),
    ]);
    // a second digit does not change the rating
    await handleInboundSms(day.ports, sms('1', OLENA_PHONE));
    expect((await day.ports.entities.requests.get(HROMADA, day.id))?.feedback?.rating).toBe(4);

    const report = await runReport(day.ports, HROMADA, 'feedback', { from: TUESDAY, to: TUESDAY }, 0.05);
    expect(report.report).toMatchObject({ asked: 1, rated: 1, averageRating: 4, complaints: 1 });
  });

  it('a text before any rating is not a complaint, and a digit after two days is not a rating', async () => {
    const day = await doneRide();
    day.clock.at = new Date('2026-11-24T09:00:00Z');
    expect((await handleInboundSms(day.ports, sms('Дякую', OLENA_PHONE))).outcome).toBe('help-sent');
    day.clock.at = new Date('2026-11-26T09:00:00Z');
    expect((await handleInboundSms(day.ports, sms('5', OLENA_PHONE))).outcome).not.toBe('feedback-rated');
    expect((await day.ports.entities.requests.get(HROMADA, day.id))?.feedback).toBeUndefined();
  });

  it('is not asked without SMS consent', async () => {
    const day = await doneRide({ smsConsent: false });
    expect(await outbox(day.ports, 'feedback')).toEqual([]);
  });
});
