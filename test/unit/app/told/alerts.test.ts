import { describe, expect, it } from 'vitest';
import type { MemoryEntityRepository } from '../../../../shared/adapters/memory/memory-entity-repository';
import { alertId } from '../../../../shared/app/alerts/alert-item';
import { handleAlert, listAlerts } from '../../../../shared/app/alerts/alerts';
import { runEveryMinute } from '../../../../shared/app/every-minute';
import { handleCall } from '../../../../shared/app/handle-call';
import { handleInboundSms } from '../../../../shared/app/handle-inbound-sms';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { changeRequestStatus } from '../../../../shared/app/service-requests';
import { NotFoundError } from '../../../../shared/domain/errors';
import { HROMADA, type RecordingSmsSender } from '../../../support/fixtures';
import { demoDay, ENGINE, TUESDAY } from '../planning/demo-day';
import { DRIVER_PHONE, OLENA_PHONE, pickupAt, publishedDay, sms } from './told-day';

const alertsOf = async (ports: Parameters<typeof listAlerts>[0], date = TUESDAY) =>
  (await listAlerts(ports, HROMADA, { date })).items;

describe("the dispatcher's alerts", () => {
  it('a cancellation after publishing raises one alert; listed newest first, handled on its version', async () => {
    const day = await publishedDay();
    const { anna, olena } = day.rides;
    const cancel = async (id: string, at: string) => {
      day.clock.at = new Date(at);
      const current = (await day.ports.entities.requests.get(HROMADA, id))!;
      await changeRequestStatus(day.ports, HROMADA, id, current.version, 'cancelled', 'd', [], 'dispatcher');
    };
    await cancel(anna.id, '2026-11-23T15:00:00Z');
    await cancel(olena.id, '2026-11-23T16:00:00Z');
    const alerts = await alertsOf(day.ports);
    expect(alerts.map((a) => [a.id, a.kind, a.requestId])).toEqual([
      [`cancel-after-publish-${olena.id}`, 'cancel-after-publish', olena.id],
      [`cancel-after-publish-${anna.id}`, 'cancel-after-publish', anna.id],
    ]);
    expect(alerts[1]).toMatchObject({
      handled: false,
      version: 1,
      date: TUESDAY,
      at: '2026-11-23T15:00:00.000Z',
      vehicleId: day.route.vehicleId,
      text: 'Скасовано після розсилки: заявка 08:45-09:15. Водію надіслано новий маршрут',
    });
    expect(alerts[1]!.text).not.toMatch(/Шевченка|medical/);

    const handled = await handleAlert(
      day.ports,
      HROMADA,
      alerts[1]!.id,
      { version: 1, note: 'Подзвонила' },
      'disp',
    );
    expect(handled).toMatchObject({ handled: true, handledBy: 'disp', note: 'Подзвонила', version: 2 });
    await expect(
      handleAlert(day.ports, HROMADA, alerts[1]!.id, { version: 1 }, 'other'),
    ).rejects.toMatchObject({ currentVersion: 2 });
    await expect(handleAlert(day.ports, HROMADA, 'nope', { version: 1 }, 'd')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const open = await listAlerts(day.ports, HROMADA, { date: TUESDAY, handled: false });
    const done = await listAlerts(day.ports, HROMADA, { date: TUESDAY, handled: true });
    expect(open.items.map((a) => a.requestId)).toEqual([olena.id]);
    expect(done.items.map((a) => a.requestId)).toEqual([anna.id]);
    expect((await day.ports.entities.audit.list(HROMADA)).items[0]).toMatchObject({
      action: 'handle',
      itemType: 'Alert',
    });
  });

  it("a driver's `N ?` and `N NS`, a resident's НІ and СТОП each raise one, once per message", async () => {
    const day = await publishedDay();
    const { anna, olena } = day.rides;
    day.clock.at = pickupAt(day.plan, anna.id);
    const problem = sms('2 ?', DRIVER_PHONE);
    await handleInboundSms(day.ports, problem);
    await handleInboundSms(day.ports, problem); // the carrier delivers it twice
    await handleInboundSms(day.ports, sms('1 NS', DRIVER_PHONE));
    const no = sms('НІ', OLENA_PHONE);
    expect((await handleInboundSms(day.ports, no)).outcome).toBe('cancelled');
    const stop = sms('СТОП', OLENA_PHONE);
    await handleInboundSms(day.ports, stop);
    const kinds = (await alertsOf(day.ports)).map((a) => [a.kind, a.requestId ?? a.phone]);
    expect(kinds.sort()).toEqual(
      [
        ['cancel-after-publish', olena.id],
        ['driver-problem', olena.id],
        ['no-show', anna.id],
        ['resident-reply', OLENA_PHONE],
      ].sort(),
    );
    const byId = new Map((await alertsOf(day.ports)).map((a) => [a.id, a]));
    expect(byId.get(alertId('driver-problem', problem.inboundMessageId))?.text).toBe(
      'Водій повідомляє про проблему на зупинці 2: 2 ?',
    );
    expect(byId.get(alertId('resident-reply', stop.inboundMessageId))?.text).toMatch(/СТОП/);
    // НІ after publishing: one alert, saying the resident cancelled
    expect(byId.get(alertId('cancel-after-publish', olena.id))?.text).toMatch(
      /^Мешканець скасував після розсилки/,
    );
  });

  it("a resident's НІ before the plan is published raises a resident-reply alert", async () => {
    const d = await demoDay();
    const ride = await d.ride(d.anna.id, '09:00');
    const no = sms('НІ', '+380671234567');
    expect((await handleInboundSms(d.ports, no)).outcome).toBe('cancelled');
    expect(await alertsOf(d.ports)).toEqual([
      expect.objectContaining({
        id: alertId('resident-reply', no.inboundMessageId),
        kind: 'resident-reply',
        requestId: ride.id,
        text: 'Мешканець скасував SMS-відповіддю НІ: заявка 08:45-09:15',
      }),
    ]);
  });

  it('a plan that leaves a request unassigned raises one alert, and a re-plan does not raise it again', async () => {
    const d = await demoDay({ fleetDays: [1] }); // the fleet works Mondays only
    const ride = await d.ride(d.anna.id, '09:00');
    const first = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(first.unassigned.map((u) => u.requestId)).toEqual([ride.id]);
    await planDay(d.ports, HROMADA, TUESDAY, 'd', { ...ENGINE, expectedVersion: first.version });
    const alerts = await alertsOf(d.ports);
    expect(alerts.map((a) => [a.id, a.kind])).toEqual([[`unassigned-${ride.id}`, 'unassigned']]);
    expect(alerts[0]!.text).toMatch(/^Не вдалося запланувати: заявка 08:45-09:15/);
  });

  it('an SMS that ends failed raises one alert; a call-back asked on the phone line raises one', async () => {
    const day = await publishedDay();
    const message = (await day.ports.outbox.listByHromada(HROMADA)).items.find(
      (m) => m.kind === 'driver-route',
    )!;
    (day.ports.sms as RecordingSmsSender).result = {
      ok: false,
      retryable: false,
      error: 'InvalidParameter',
    };
    expect(await sendOutboxMessage(day.ports, message.id, message.version)).toBe('failed');
    const today = '2026-11-23';
    const failed = (await alertsOf(day.ports, today)).filter((a) => a.kind === 'sms-failed');
    expect(failed).toEqual([
      expect.objectContaining({ id: alertId('sms-failed', message.id), phone: DRIVER_PHONE }),
    ]);
    expect(failed[0]!.text).toBe('SMS не доставлено (маршрут водію): оператор не прийняв повідомлення');

    day.clock.at = new Date('2026-11-23T18:00:00Z'); // evening: the line offers a call-back
    const step = { contactId: 'contact-1', dialled: '+380931112233', caller: '+380501112233' };
    const offer = await handleCall(day.ports, step);
    await handleCall(day.ports, { ...step, state: offer.state, tries: offer.tries, digits: '1' });
    await handleCall(day.ports, { ...step, state: offer.state, tries: offer.tries, digits: '1' });
    const callbacks = (await alertsOf(day.ports, today)).filter((a) => a.kind === 'callback');
    expect(callbacks).toEqual([
      expect.objectContaining({ phone: '+380501112233', text: 'Просить передзвонити (телефонна лінія)' }),
    ]);
  });

  it('the sweeper giving a message up raises the same alert, once', async () => {
    const day = await publishedDay();
    const { entities } = day.ports as unknown as { entities: MemoryEntityRepository };
    const message = (await day.ports.outbox.listByHromada(HROMADA)).items.find(
      (m) => m.kind === 'driver-route',
    )!;
    entities.outbox.set(message.id, {
      ...message,
      status: 'sending',
      attempts: 5,
      dueAt: '2026-11-23T10:00:30.000Z',
      version: message.version + 1,
    });
    day.clock.at = new Date('2026-11-23T10:05:00Z');
    expect(await runEveryMinute(day.ports)).toMatchObject({ failed: 1 });
    expect(await runEveryMinute(day.ports)).toMatchObject({ failed: 0 });
    const failed = (await alertsOf(day.ports, '2026-11-23')).filter((a) => a.kind === 'sms-failed');
    expect(failed.map((a) => a.id)).toEqual([alertId('sms-failed', message.id)]);
    expect(failed[0]!.text).toBe('SMS не доставлено (маршрут водію): не вдалося після кількох спроб');
  });

  it('derives ids from the cause, within the id limit', () => {
    expect(alertId('no-show', 'abc')).toBe('no-show-abc');
    const long = alertId('sms-failed', `route-2026-11-24-${'v'.repeat(40)}-v12-1`);
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toBe(alertId('sms-failed', `route-2026-11-24-${'v'.repeat(40)}-v12-1`));
  });
});
