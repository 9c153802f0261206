import { describe, expect, it } from 'vitest';
import { runEveryMinute } from '../../../../shared/app/every-minute';
import { handleInboundSms } from '../../../../shared/app/handle-inbound-sms';
import { wantsNearNotice } from '../../../../shared/app/notices/near-notice';
import { countSegments } from '../../../../shared/messaging/segments';
import { HROMADA } from '../../../support/fixtures';
import type { DemoPorts } from '../planning/demo-day';
import { DRIVER_PHONE, pickupAt, publishedDay, sms } from './told-day';

const nearSms = async (ports: DemoPorts) =>
  (await ports.outbox.listByHromada(HROMADA)).items.filter((m) => m.kind === 'vehicle-near');

describe('"the car is near"', () => {
  it('the clock sends it ~10 minutes ahead of the planned pickup, once per stop', async () => {
    const day = await publishedDay();
    const annaAt = pickupAt(day.plan, day.rides.anna.id);
    day.clock.at = new Date(annaAt.getTime() - 8 * 60_000);
    expect(await runEveryMinute(day.ports)).toMatchObject({ nearNotices: 1 });
    day.clock.at = new Date(annaAt.getTime() - 7 * 60_000);
    expect(await runEveryMinute(day.ports)).toMatchObject({ nearNotices: 0 });
    const sent = await nearSms(day.ports);
    expect(sent.map((m) => m.id)).toEqual([`near-${day.rides.anna.id}`]);
    expect(sent[0]).toMatchObject({ to: '+380671234567', segments: 1 });
    expect(sent[0]!.text).toMatch(/^Соцтаксі буде близько \d\d:\d\d\. Будь ласка, будьте готові$/);
  });

  it("the driver's OK of the stop before sends it first; the clock then sends nothing more", async () => {
    const day = await publishedDay();
    const { anna, olena } = day.rides;
    expect(day.route.stops.map((s) => [s.requestId, s.kind])).toEqual([
      [anna.id, 'pickup'],
      [olena.id, 'pickup'],
      [olena.id, 'dropoff'],
      [anna.id, 'dropoff'],
    ]);
    day.clock.at = pickupAt(day.plan, anna.id);
    expect((await handleInboundSms(day.ports, sms('1 OK', DRIVER_PHONE))).outcome).toBe('stop-on-board');
    expect((await nearSms(day.ports)).map((m) => m.id)).toEqual([`near-${olena.id}`]);
    day.clock.at = new Date(pickupAt(day.plan, olena.id).getTime() - 5 * 60_000);
    expect(await runEveryMinute(day.ports)).toMatchObject({ nearNotices: 0 });
    expect(await nearSms(day.ports)).toHaveLength(1);
  });

  it('is never sent to a confidential case unless the resident opted in', async () => {
    const olenasNotice = async (day: Awaited<ReturnType<typeof publishedDay>>) => {
      day.clock.at = new Date(pickupAt(day.plan, day.rides.olena.id).getTime() - 5 * 60_000);
      await runEveryMinute(day.ports);
      return (await nearSms(day.ports)).filter((m) => m.id === `near-${day.rides.olena.id}`);
    };
    const hidden = await publishedDay({ confidential: true });
    expect(hidden.rides.olena.confidential).toBe(true);
    expect(await olenasNotice(hidden)).toEqual([]);

    const opted = await publishedDay({ confidential: true, nearNoticeOptIn: true });
    const sent = await olenasNotice(opted);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: '+380675551234', senderId: 'Info' });
    expect(sent[0]!.text).toMatch(/^Зустріч буде близько/);
    expect(sent[0]!.text).not.toMatch(/Лісова|Соцтаксі/);
    expect(countSegments(sent[0]!.text).segments).toBe(1);
  });

  it('needs a phone, consent and a request still waiting for its car', async () => {
    const day = await publishedDay();
    const request = (await day.ports.entities.requests.get(HROMADA, day.rides.olena.id))!;
    expect(wantsNearNotice(request, day.olena)).toBe(true);
    expect(wantsNearNotice(request, { ...day.olena, smsConsent: false })).toBe(false);
    expect(wantsNearNotice(request, { ...day.olena, phone: null })).toBe(false);
    expect(wantsNearNotice({ ...request, status: 'on-board' }, day.olena)).toBe(false);
    expect(wantsNearNotice({ ...request, confidential: true }, day.olena)).toBe(false);
  });
});
