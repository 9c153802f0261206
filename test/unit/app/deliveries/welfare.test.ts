import { describe, expect, it } from 'vitest';
import type { MemoryEntityRepository } from '../../../../shared/adapters/memory/memory-entity-repository';
import { closeFollowUp, listFollowUps } from '../../../../shared/app/deliveries/follow-ups';
import { recordWelfare } from '../../../../shared/app/deliveries/record-welfare';
import { ConflictError } from '../../../../shared/domain/errors';
import { HROMADA } from '../../../support/fixtures';
import { deliveryDay, WORKER_E164 } from './delivery-day';

const memory = (ports: { entities: unknown }) => ports.entities as MemoryEntityRepository;
const followUpSmsOf = (ports: { entities: unknown }) =>
  [...memory(ports).outbox.values()].filter((m) => m.kind === 'follow-up');

describe('welfare at the door', () => {
  it("a driver's ДОПОМОГА opens a follow-up for the resident's social worker, with one SMS, together with the request's change", async () => {
    const d = await deliveryDay();
    const request = await d.deliver();
    const stop = await d.onTheRoad(request);

    const result = await d.driverSays(`${stop} ДОПОМОГА`);
    expect(result).toMatchObject({
      outcome: 'welfare-reported',
      alert: {
        kind: 'welfare',
        requestId: request.id,
        text: 'Ольга Ткач: потрібна допомога; соцпрацівнику Оксана Дяченко надіслано SMS',
      },
    });
    const open = (await listFollowUps(d.ports, HROMADA, true)).items;
    expect(open).toEqual([
      expect.objectContaining({
        requestId: request.id,
        residentId: d.olga.id,
        outcome: 'needs-help',
        open: true,
        worker: { name: 'Оксана Дяченко', phone: WORKER_E164 },
      }),
    ]);
    const after = await d.current(request.id);
    expect(after).toMatchObject({
      status: 'dispatched', // the parcel may still be handed over: the driver's OK or code says so
      welfare: { outcome: 'needs-help', by: 'driver', followUpId: open[0]!.id },
    });
    const [sms] = followUpSmsOf(d.ports);
    expect(sms).toMatchObject({
      to: WORKER_E164,
      text: 'Потрібна допомога: Ольга Ткач, с. Березна, вул. Садова, 3 (24.11)',
      segments: 1,
      subject: `REQUEST#${request.id}`,
    });
    const actions = (await d.ports.entities.audit.list(HROMADA)).items.slice(0, 2).map((a) => a.action);
    expect(actions.sort()).toEqual(['create', 'welfare']);
    // the dispatcher's alert was written with the change
    const alerts = (await d.ports.entities.alerts.forDay(HROMADA, request.date, false)).items;
    expect(alerts.filter((a) => a.kind === 'welfare')).toEqual([
      expect.objectContaining({ requestId: request.id, text: result.alert!.text }),
    ]);

    // a second report on the same delivery is only logged: one follow-up per delivery
    expect((await d.driverSays(`${stop} ПОГАНО`)).outcome).toBe('driver-report');
    expect((await listFollowUps(d.ports, HROMADA, true)).items).toHaveLength(1);
  });

  it("НЕМА: nobody at the door is a no-show; a confidential resident's worker gets no address, from the neutral sender", async () => {
    const d = await deliveryDay({ resident: { confidential: true } });
    const request = await d.deliver();
    const stop = await d.onTheRoad(request);
    expect((await d.driverSays(`${stop} НЕМА`)).outcome).toBe('welfare-reported');
    expect((await d.current(request.id)).status).toBe('no-show');
    const [sms] = followUpSmsOf(d.ports);
    expect(sms!.text).toBe('Нема відповіді: Ольга Ткач (24.11). Адресу дасть диспетчер');
    expect(sms!.text).not.toContain('Садова');
    expect(sms).toMatchObject({ senderId: 'Info', segments: 1 });
  });

  it('the dispatcher records an outcome; the follow-up stays open until closed with a note', async () => {
    const d = await deliveryDay();
    const request = await d.deliver();
    const input = {
      hromadaId: HROMADA,
      requestId: request.id,
      outcome: 'unwell' as const,
      by: 'dispatcher' as const,
    };

    // a stale version writes nothing: no task, no SMS
    await expect(recordWelfare(d.ports, { ...input, version: 7 }, 'disp')).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await listFollowUps(d.ports, HROMADA, false)).items).toEqual([]);
    expect(followUpSmsOf(d.ports)).toEqual([]);

    const { followUp } = await recordWelfare(
      d.ports,
      { ...input, version: request.version, note: 'скаржиться на тиск' },
      'disp',
    );
    expect(followUp).toMatchObject({ open: true, note: 'скаржиться на тиск', version: 1 });
    expect(followUpSmsOf(d.ports)[0]!.text).not.toContain('тиск'); // the note stays off SMS
    await expect(
      closeFollowUp(d.ports, HROMADA, followUp.id, { version: 2, note: 'відвідала' }, 'worker'),
    ).rejects.toBeInstanceOf(ConflictError);
    const closed = await closeFollowUp(
      d.ports,
      HROMADA,
      followUp.id,
      { version: 1, note: 'Відвідала, викликали лікаря' },
      'disp',
    );
    expect(closed).toMatchObject({
      open: false,
      closeNote: 'Відвідала, викликали лікаря',
      closedBy: 'disp',
      closedAt: '2026-11-23T10:00:00.000Z',
      version: 2,
    });
    expect((await listFollowUps(d.ports, HROMADA, true)).items).toEqual([]);
    expect((await listFollowUps(d.ports, HROMADA, false)).items).toEqual([closed]);
    await expect(
      closeFollowUp(d.ports, HROMADA, followUp.id, { version: 2, note: 'ще раз' }, 'disp'),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await d.ports.entities.audit.list(HROMADA)).items[0]).toMatchObject({
      action: 'close',
      itemType: 'FollowUp',
      itemId: followUp.id,
    });
  });

  it('a resident without a social worker: the task is the dispatcher’s, no SMS', async () => {
    const d = await deliveryDay({ resident: { socialWorker: undefined } });
    const request = await d.deliver();
    const { followUp, alert } = await recordWelfare(
      d.ports,
      { hromadaId: HROMADA, requestId: request.id, version: 1, outcome: 'no-answer', by: 'dispatcher' },
      'disp',
    );
    expect(followUp.worker).toBeUndefined();
    expect(followUpSmsOf(d.ports)).toEqual([]);
    expect(alert.text).toBe('Ольга Ткач: нема відповіді; соцпрацівника не вказано');
  });
});
