import { describe, expect, it } from 'vitest';
import { handleInboundSms } from '../../../shared/app/handle-inbound-sms';
import { bookCaseSlot, cancelCaseSlot, moveCaseSlot } from '../../../shared/app/mobile-case/book-case-slot';
import { getCaseStop, updateCaseStop } from '../../../shared/app/mobile-case/case-stops';
import { generateCaseStops } from '../../../shared/app/mobile-case/generate-case-stops';
import { caseScheduleSchema } from '../../../shared/domain/case-schedule';
import { ConflictError, ValidationError } from '../../../shared/domain/errors';
import { CASE_VAN, caseWorld, sms, TUESDAY } from '../../support/case-world';
import { BEREZNA, HROMADA } from '../../support/fixtures';

const slot = (residentId: string, time?: string) => ({
  hromadaId: HROMADA,
  stopId: 'berezna-tue',
  residentId,
  actor: 'dispatcher',
  ...(time ? { time } : {}),
});

describe('booking mobile-case slots (dispatcher)', () => {
  it('takes the first free slot, or the one named, and confirms by one SMS', async () => {
    const { ports, entities, anna, resident } = await caseWorld();
    expect(await bookCaseSlot(ports, slot(anna.id))).toMatchObject({ slot: 0, time: '10:00' });
    const other = await resident();
    expect(await bookCaseSlot(ports, slot(other.id, '11:20'))).toMatchObject({ slot: 4, time: '11:20' });
    const view = await getCaseStop(ports, HROMADA, 'berezna-tue');
    expect(view.slots.filter((s) => s.residentId).map((s) => [s.time, s.residentId])).toEqual([
      ['10:00', anna.id],
      ['11:20', other.id],
    ]);
    const texts = [...entities.outbox.values()].map((m) => m.text);
    expect(texts).toContain('Записано: ЦНАП 24.11 о 10:00, Березна. Відмова: ВІДМОВА');
    expect(
      entities.auditEntries.filter((a) => a.itemType === 'CaseStop' && a.action === 'book'),
    ).toHaveLength(2);
  });

  it('refuses a taken slot and a second booking of the same resident with a reason in Ukrainian', async () => {
    const { ports, anna, resident } = await caseWorld();
    await bookCaseSlot(ports, slot(anna.id, '10:40'));
    const other = await resident();
    const taken = await bookCaseSlot(ports, slot(other.id, '10:40')).catch((e) => e);
    expect(taken).toBeInstanceOf(ConflictError);
    expect(taken.reason).toBe('цей час уже зайнятий, оберіть інший');
    const twice = await bookCaseSlot(ports, slot(anna.id)).catch((e) => e);
    expect(twice.reason).toBe('мешканець уже записаний на цю зупинку');
    const notASlot = await bookCaseSlot(ports, slot(other.id, '10:50')).catch((e) => e);
    expect(notASlot).toBeInstanceOf(ValidationError);
    expect(notASlot.issues[0].path).toBe('time');
  });

  it('a full stop answers 409 with its reason', async () => {
    const { ports, anna, resident } = await caseWorld();
    await updateCaseStop(ports, HROMADA, 'berezna-tue', { version: 1, to: '10:40' }, 'd');
    await bookCaseSlot(ports, slot(anna.id));
    await bookCaseSlot(ports, slot((await resident()).id));
    const full = await bookCaseSlot(ports, slot((await resident()).id)).catch((e) => e);
    expect(full).toBeInstanceOf(ConflictError);
    expect(full.reason).toBe('вільного часу на цій зупинці вже немає');
  });

  it('moves and cancels at the version read; the freed slot can be booked again', async () => {
    const { ports, anna, resident } = await caseWorld();
    await bookCaseSlot(ports, slot(anna.id, '10:00'));
    expect(await moveCaseSlot(ports, { ...slot(anna.id), time: '12:00', version: 1 })).toMatchObject({
      time: '12:00',
      version: 2,
    });
    const stale = await moveCaseSlot(ports, { ...slot(anna.id), time: '12:20', version: 1 }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const other = await resident();
    expect((await bookCaseSlot(ports, slot(other.id))).time).toBe('10:00');
    await cancelCaseSlot(ports, { ...slot(anna.id), version: 2 });
    expect((await bookCaseSlot(ports, slot((await resident()).id, '12:00'))).time).toBe('12:00');
  });

  it('keeps the hours of a stop with bookings unless every booked slot still fits', async () => {
    const { ports, anna } = await caseWorld();
    await bookCaseSlot(ports, slot(anna.id, '12:40'));
    const moved = await updateCaseStop(
      ports,
      HROMADA,
      'berezna-tue',
      { version: 1, from: '10:20' },
      'd',
    ).catch((e) => e);
    expect(moved.reason).toMatch(/вже записані/);
    const shorter = await updateCaseStop(
      ports,
      HROMADA,
      'berezna-tue',
      { version: 1, to: '12:00' },
      'd',
    ).catch((e) => e);
    expect(shorter).toBeInstanceOf(ConflictError);
    expect(
      (await updateCaseStop(ports, HROMADA, 'berezna-tue', { version: 1, to: '14:00' }, 'd')).version,
    ).toBe(2);
  });
});

describe('booking by SMS reply', () => {
  it('ЗАПИС books the first free slot and answers with the time; ЗАПИС 11:00 moves it; ВІДМОВА gives it back', async () => {
    const { ports, entities } = await caseWorld();
    const last = () => [...entities.outbox.values()].at(-1)?.text;
    expect((await handleInboundSms(ports, sms('запис'))).outcome).toBe('case-booked');
    expect(last()).toBe('Записано: ЦНАП 24.11 о 10:00, Березна. Відмова: ВІДМОВА');
    expect((await handleInboundSms(ports, sms('ЗАПИС 11.00'))).outcome).toBe('case-booked');
    expect(last()).toBe('Записано: ЦНАП 24.11 о 11:00, Березна. Відмова: ВІДМОВА');
    expect((await handleInboundSms(ports, sms('Відмова'))).outcome).toBe('case-cancelled');
    expect(last()).toBe('Запис на ЦНАП 24.11 о 11:00 скасовано');
    expect((await getCaseStop(ports, HROMADA, 'berezna-tue')).slots.some((s) => s.residentId)).toBe(false);
  });

  it('a taken time is answered with the free ones, in one segment', async () => {
    const { ports, entities, resident } = await caseWorld();
    const other = await resident();
    await bookCaseSlot(ports, slot(other.id, '10:00'));
    expect((await handleInboundSms(ports, sms('ЗАПИС 10:00'))).outcome).toBe('case-refused');
    const answer = [...entities.outbox.values()].at(-1)!;
    expect(answer.text).toBe('Час 10:00 зайнятий. Вільно: 10:20, 10:40, 11:00. ЗАПИС 10:20');
    expect(answer.segments).toBe(1);
  });

  it('a message delivered twice books once', async () => {
    const { ports } = await caseWorld();
    const message = sms('ЗАПИС');
    expect((await handleInboundSms(ports, message)).outcome).toBe('case-booked');
    expect((await handleInboundSms(ports, message)).outcome).toBe('duplicate');
    expect((await getCaseStop(ports, HROMADA, 'berezna-tue')).slots.filter((s) => s.residentId)).toHaveLength(
      1,
    );
  });

  it('НІ still cancels a ride, not a slot', async () => {
    const { ports } = await caseWorld();
    await handleInboundSms(ports, sms('ЗАПИС'));
    expect((await handleInboundSms(ports, sms('НІ'))).outcome).toBe('nothing-to-act-on');
    expect((await getCaseStop(ports, HROMADA, 'berezna-tue')).slots.filter((s) => s.residentId)).toHaveLength(
      1,
    );
  });
});

describe('generating stops from a schedule', () => {
  it('creates each date once: a second run creates nothing', async () => {
    const { ports, entities } = await caseWorld();
    const schedule = caseScheduleSchema.parse({
      scheduleId: 'berezna',
      recurrence: { kind: 'weekly', weekday: 2, interval: 2 },
      start: TUESDAY,
      until: '2027-01-31',
      settlementId: BEREZNA,
      from: '10:00',
      to: '13:00',
      services: ['пенсія'],
      vehicleId: CASE_VAN.id,
    });
    const first = await generateCaseStops(ports, HROMADA, schedule, 'd');
    expect(first.created).toEqual([
      'berezna-2026-11-24',
      'berezna-2026-12-08',
      'berezna-2026-12-22',
      'berezna-2027-01-05',
      'berezna-2027-01-19',
    ]);
    const stops = await ports.entities.caseStops.between(HROMADA, TUESDAY, '2027-01-31');
    expect(stops.find((s) => s.id === 'berezna-2026-11-24')).toMatchObject({
      slotMinutes: 20,
      scheduleId: 'berezna',
    });
    const audits = entities.auditEntries.length;
    const second = await generateCaseStops(ports, HROMADA, schedule, 'd');
    expect(second).toEqual({ created: [], existing: first.created });
    expect(entities.auditEntries.length).toBe(audits);
  });
});
