import { describe, expect, it } from 'vitest';
import type { MemoryEntityRepository } from '../../../../shared/adapters/memory/memory-entity-repository';
import { recordWelfare } from '../../../../shared/app/deliveries/record-welfare';
import { eraseResident } from '../../../../shared/app/personal-data/erase-resident';
import { recordOutcome } from '../../../../shared/app/service-requests';
import { HROMADA, taxiRequest } from '../../../support/fixtures';
import { deliveryDay } from './delivery-day';

const outboxOf = (ports: { entities: unknown }) => [
  ...(ports.entities as MemoryEntityRepository).outbox.values(),
];

/** The code the resident (or trusted person) was sent. */
function sentCode(
  ports: { entities: unknown },
  requestId: string,
): { to: string; text: string; code: string } {
  const sms = outboxOf(ports).find(
    (m) => m.kind === 'handover-code' && m.subject === `REQUEST#${requestId}`,
  )!;
  return { to: sms.to, text: sms.text, code: /\d{4}/.exec(sms.text)![0] };
}
const otherThan = (code: string, k: number) => String((Number(code) + k) % 10_000).padStart(4, '0');

describe('handing a delivery over', () => {
  it('makes a code at booking, sends it to the resident in one SMS and keeps only its hash; the route says a code is needed, never the code', async () => {
    const d = await deliveryDay();
    const request = await d.deliver({ handover: { mode: 'in-person' } });
    const sent = sentCode(d.ports, request.id);
    expect(sent).toMatchObject({ to: '+380661234500' });
    expect(sent.text).toBe(`Доставка 24.11: ваш код ${sent.code}. Скажіть його водію`);
    expect(outboxOf(d.ports).find((m) => m.kind === 'handover-code')!.segments).toBe(1);
    expect(request.handoverCode).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), wrongTries: 0 });
    expect(JSON.stringify(request)).not.toContain(`"${sent.code}"`);

    await d.onTheRoad(request);
    const route = outboxOf(d.ports).find((m) => m.kind === 'driver-route')!.text;
    expect(route).toContain('(3 кг холод 2 шт особисто, код)');
    expect(route).not.toMatch(/\d{4}/); // no code, nor anything that looks like one
  });

  it('hands over against the right code: done, received by the resident in person, proved by the code', async () => {
    const d = await deliveryDay();
    const request = await d.deliver({ handover: { mode: 'in-person' } });
    const { code } = sentCode(d.ports, request.id);
    const stop = await d.onTheRoad(request);

    expect(await d.driverSays(`${stop} OK`)).toMatchObject({ outcome: 'code-refused' });
    expect(outboxOf(d.ports).at(-1)!.text).toBe(`${stop}: потрібен код отримувача: ${stop} КОД 1234`);
    expect((await d.current(request.id)).status).toBe('dispatched');

    expect(await d.driverSays(`${stop} КОД ${code}`)).toMatchObject({ outcome: 'stop-done' });
    expect(await d.current(request.id)).toMatchObject({
      status: 'done',
      handedOver: {
        receivedBy: 'resident',
        name: 'Ольга Ткач',
        proof: 'code',
        at: '2026-11-24T07:00:00.000Z',
      },
    });
    expect(outboxOf(d.ports).at(-1)!.text).toBe(`${stop}: код вірний, доставку записано`);
    const log = (await d.ports.entities.inbound.list(HROMADA)).items.find((i) => i.outcome === 'stop-done');
    expect(log).toMatchObject({
      command: `driver ${stop} code`,
      text: `${stop} КОД ****`, // the log never keeps a code
      subject: `REQUEST#${request.id}`,
    });
    const audit = (await d.ports.entities.audit.list(HROMADA)).items.find((a) => a.action === 'outcome');
    expect(audit).toMatchObject({ itemId: request.id, changedFields: ['status', 'handedOver'] });
  });

  it('refuses a wrong code with the tries left; the third blocks the code and raises the dispatcher alert', async () => {
    const d = await deliveryDay();
    const request = await d.deliver({ handover: { mode: 'in-person' } });
    const { code } = sentCode(d.ports, request.id);
    const stop = await d.onTheRoad(request);
    const replies: string[] = [];
    const results = [];
    for (const k of [1, 2, 3]) {
      results.push(await d.driverSays(`${stop} КОД ${otherThan(code, k)}`));
      replies.push(outboxOf(d.ports).at(-1)!.text);
    }
    expect(results.map((r) => r.outcome)).toEqual(['code-refused', 'code-refused', 'code-refused']);
    expect(replies).toEqual([
      `${stop}: код невірний. Залишилось спроб: 2`,
      `${stop}: код невірний. Залишилось спроб: 1`,
      `${stop}: код заблоковано. Дзвоніть диспетчеру`,
    ]);
    expect(results[0]!.alert).toBeUndefined();
    expect(results[2]!.alert).toEqual({
      hromadaId: HROMADA,
      kind: 'driver-problem',
      date: '2026-11-24',
      at: '2026-11-24T07:00:00.000Z',
      text: `Зупинка ${stop}: 3 невірні коди отримувача (+38093***1203), код заблоковано`,
      requestId: request.id,
      vehicleId: 'van',
      phone: '+380934031203',
    });
    expect((await d.current(request.id)).handoverCode!.wrongTries).toBe(3);
    const alerts = (await d.ports.entities.alerts.forDay(HROMADA, '2026-11-24', false)).items;
    expect(alerts.filter((a) => a.kind === 'driver-problem')).toEqual([
      expect.objectContaining({ requestId: request.id, vehicleId: 'van' }),
    ]);

    // blocked: even the right code is refused now; the dispatcher settles it by phone
    expect(await d.driverSays(`${stop} КОД ${code}`)).toMatchObject({ outcome: 'code-refused' });
    expect(await d.current(request.id)).toMatchObject({
      status: 'dispatched',
      handoverCode: { wrongTries: 3 },
    });
    const counted = (await d.ports.entities.audit.list(HROMADA)).items.filter((a) =>
      a.changedFields.includes('handoverCode.wrongTries'),
    );
    expect(counted).toHaveLength(3);

    // the dispatcher settles it by phone: done on the dispatcher's word
    const blocked = await d.current(request.id);
    await recordOutcome(d.ports, HROMADA, request.id, blocked.version, 'done', 'disp', [], 'dispatcher');
    expect((await d.current(request.id)).handedOver).toEqual({
      receivedBy: 'resident',
      proof: 'dispatcher',
      at: '2026-11-24T07:00:00.000Z',
    });
  });

  it("a resident's erasure takes the trusted person's name and phone and the welfare note off the delivery", async () => {
    const d = await deliveryDay();
    const handover = { mode: 'trusted', trustedName: 'Петро Сусід', trustedPhone: '097 123 45 67' };
    const request = await d.deliver({ handover });
    await recordWelfare(
      d.ports,
      {
        hromadaId: HROMADA,
        requestId: request.id,
        version: 1,
        outcome: 'unwell',
        note: 'тиск 180',
        by: 'dispatcher',
      },
      'disp',
    );
    await recordOutcome(d.ports, HROMADA, request.id, 2, 'done', 'disp', [], 'dispatcher');
    expect((await d.current(request.id)).handedOver).toMatchObject({
      name: 'Петро Сусід',
      proof: 'dispatcher',
    });
    await eraseResident(d.ports, HROMADA, d.olga.id, d.olga.version, 'admin');
    const erased = await d.current(request.id);
    expect(erased.handover).toEqual({ mode: 'trusted', trustedName: 'знеособлено' });
    expect(erased.handedOver).toEqual({ receivedBy: 'trusted', proof: 'dispatcher', at: expect.any(String) });
    expect(erased.welfare).toMatchObject({ outcome: 'unwell', by: 'dispatcher' });
    expect(JSON.stringify(erased)).not.toMatch(/Петро|380971234567|тиск/);
  });

  it("sends a trusted person's code to their phone, and records them as the receiver", async () => {
    const d = await deliveryDay();
    const handover = { mode: 'trusted', trustedName: 'Петро Сусід', trustedPhone: '097 123 45 67' };
    const request = await d.deliver({ handover });
    const sent = sentCode(d.ports, request.id);
    expect(sent.to).toBe('+380971234567');
    expect(sent.text).toBe(`Доставку 24.11 передадуть вам. Код ${sent.code}, скажіть водію`);
    const stop = await d.onTheRoad(request);
    expect(outboxOf(d.ports).find((m) => m.kind === 'driver-route')!.text).toContain(
      'віддати: Петро Сусід, код',
    );

    await d.driverSays(`${stop} код ${sent.code}`);
    expect((await d.current(request.id)).handedOver).toMatchObject({
      receivedBy: 'trusted',
      name: 'Петро Сусід',
      proof: 'code',
    });
  });

  it("without the hromada's code rule: no code is sent, and the driver's OK records who received it", async () => {
    const d = await deliveryDay({ codeRequired: false });
    const request = await d.deliver({ handover: { mode: 'in-person' } });
    expect(request.handoverCode).toBeUndefined();
    expect(outboxOf(d.ports).filter((m) => m.kind === 'handover-code')).toEqual([]);
    const stop = await d.onTheRoad(request);
    expect(await d.driverSays(`${stop} OK`)).toMatchObject({ outcome: 'stop-done' });
    expect(await d.current(request.id)).toMatchObject({
      status: 'done',
      handedOver: { receivedBy: 'resident', name: 'Ольга Ткач', proof: 'driver' },
    });
  });

  it('refuses a handover rule on anything but a delivery, and a trusted handover without a name', async () => {
    const d = await deliveryDay();
    await expect(
      d.book({ ...taxiRequest(d.olga.id), handover: { mode: 'in-person' } }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'handover' })] });
    await expect(d.deliver({ handover: { mode: 'trusted' } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'handover.trustedName' })],
    });
  });
});
