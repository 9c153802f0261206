import { describe, expect, it } from 'vitest';
import { EDITED_REASON, editServiceRequest } from '../../../shared/app/edit-request';
import { planDay } from '../../../shared/app/planning/plan-day';
import { bookServiceRequest, changeRequestStatus } from '../../../shared/app/service-requests';
import {
  type RequestStatus,
  type ServiceRequest,
  serviceRequestEditSchema,
} from '../../../shared/domain/entities/service-request';
import { ConflictError, ValidationError } from '../../../shared/domain/errors';
import { parseOrThrow } from '../../../shared/domain/validation';
import { countSegments } from '../../../shared/messaging/segments';
import { requestChanged } from '../../../shared/messaging/templates';
import type { Ports } from '../../../shared/ports/ports';
import { HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';
import { demoDay, ENGINE, TUESDAY } from './planning/demo-day';

const editOf = (raw: unknown) => parseOrThrow(serviceRequestEditSchema, raw, 'request edit');
const at = (time: string) => ({ requestedTime: { kind: 'pickup', time } });

async function booked(resident: Record<string, unknown> = {}) {
  const ctx = memoryPorts();
  const anna = await seedBasics(ctx.ports, resident);
  const book = (time: string, extra: Record<string, unknown> = {}) =>
    bookServiceRequest(
      ctx.ports,
      HROMADA,
      bookingOf({ ...taxiRequest(anna.id, TUESDAY, time), ...extra }),
      'd',
    );
  const edit = (r: ServiceRequest, raw: Record<string, unknown>) =>
    editServiceRequest(ctx.ports, HROMADA, r.id, editOf({ version: r.version, ...raw }), 'd');
  const messages = () => [...ctx.entities.outbox.values()];
  const guard = () => ctx.entities.residentDays.get(HROMADA, anna.id, TUESDAY);
  const move = (r: ServiceRequest, to: 'confirmed' | 'cancelled') =>
    changeRequestStatus(ctx.ports, HROMADA, r.id, r.version, to, 'd', [], 'dispatcher');
  return { ...ctx, anna, book, edit, messages, guard, move };
}

/** Moves a request to `status` as the planner or a driver would have. */
async function force(ports: Ports, r: ServiceRequest, status: RequestStatus): Promise<ServiceRequest> {
  const item = { ...r, status, version: r.version + 1 };
  await ports.entities.commit([{ op: 'update', entity: 'ServiceRequest', item, expectedVersion: r.version }]);
  return item;
}

describe('edit and reschedule a request', () => {
  it('reschedules a requested ride: new window as at booking, audit, guard and one-segment notice', async () => {
    const { ports, entities, book, edit, messages, guard } = await booked();
    const ride = await book('09:00');
    const moved = await edit(ride, at('11:00'));
    expect(moved).toMatchObject({ version: 2, status: 'requested', requestedTime: { time: '11:00' } });
    // 11:00 in Kyiv is 09:00 UTC: the window around it, as booking computes it
    const rebooked = await book('11:00', { allowOverlap: true });
    expect(moved.window).toEqual(rebooked.window);
    expect(await ports.entities.requests.get(HROMADA, ride.id)).toEqual(moved);
    expect(entities.auditEntries.find((a) => a.action === 'edit')).toMatchObject({
      itemId: ride.id,
      changedFields: ['requestedTime', 'window'],
    });
    const notice = messages().find((m) => m.id === `edit-${ride.id}-v2`)!;
    expect(notice).toMatchObject({ kind: 'change', segments: 1, subject: `REQUEST#${ride.id}` });
    expect(notice.text).toBe('Змінено: Соцтаксі 24.11 між 10:45-11:15. Скасувати: НІ');
    expect((await guard())?.windows.filter((w) => w.requestId === ride.id)).toEqual([
      { requestId: ride.id, start: moved.window.start, end: moved.window.end },
    ]);
  });

  it("the request's own earlier window is not an overlap", async () => {
    const { book, edit, guard } = await booked();
    const ride = await book('09:00');
    // 09:10 overlaps the 09:00 window it replaces, and nothing else
    const moved = await edit(ride, at('09:10'));
    expect(moved.requestedTime.time).toBe('09:10');
    expect((await guard())?.windows).toEqual([{ requestId: ride.id, ...moved.window }]);
  });

  it('refuses a new time that overlaps another live booking: 409 with the reason, nothing written', async () => {
    const { ports, book, edit, messages } = await booked();
    const morning = await book('09:00');
    const noon = await book('13:00');
    const refused = edit(noon, at('09:10'));
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({
      message: expect.stringContaining(morning.id),
      reason: expect.stringContaining('вже є запис'),
    });
    expect(await ports.entities.requests.get(HROMADA, noon.id)).toMatchObject(noon); // + where it is counted (reportedAs)
    expect(messages().map((m) => m.id)).toEqual([`book-${morning.id}`, `book-${noon.id}`]);
    // the dispatcher may allow it, as at booking
    const both = await edit(noon, { ...at('09:10'), allowOverlap: true });
    expect(both.requestedTime.time).toBe('09:10');
  });

  it('two requests of one resident moved into the same time at once: one moves, the other is a 409', async () => {
    const { ports, book, edit, guard } = await booked();
    const rides = [await book('08:00'), await book('13:00'), await book('15:00')];
    const results = await Promise.allSettled(rides.map((r) => edit(r, at('11:00'))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ kind: 'conflict', reason: expect.any(String) });
    }
    const stored = await Promise.all(rides.map((r) => ports.entities.requests.get(HROMADA, r.id)));
    expect(stored.filter((r) => r?.requestedTime.time === '11:00')).toHaveLength(1);
    expect((await guard())?.windows).toHaveLength(3);
  });

  it('a stale version is a 409 with the current version', async () => {
    const { book, edit } = await booked();
    const ride = await book('09:00');
    await edit(ride, at('10:00'));
    await expect(edit(ride, at('11:00'))).rejects.toMatchObject({ kind: 'conflict', currentVersion: 2 });
  });

  it('refuses a time outside the service hours with the same 400 and reason as booking', async () => {
    const { ports, book, edit } = await booked();
    const ride = await book('09:00');
    const refused = edit(ride, at('21:50'));
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      message: expect.stringMatching(/service hours 06:00–22:00/),
      reason: expect.stringMatching(/Поза годинами роботи/),
      issues: [expect.objectContaining({ path: 'requestedTime.time' })],
    });
    expect(await ports.entities.requests.get(HROMADA, ride.id)).toEqual(ride);
  });

  it('edits places and passengers; passengers alone send no notice', async () => {
    const { book, edit, messages, entities } = await booked();
    const ride = await book('09:00');
    const pickup = { address: 'с. Березна, вул. Садова, 3', location: { lat: 49.5621, lon: 27.8401 } };
    const placed = await edit(ride, { pickup });
    expect(placed.pickup).toEqual(pickup);
    expect(messages().some((m) => m.id === `edit-${ride.id}-v2`)).toBe(true);
    const seated = await edit(placed, { passengers: { wheelchair: true } });
    expect(seated.passengers).toEqual({ escorts: 0, wheelchair: true });
    expect(seated.window).toEqual(placed.window);
    expect(messages().some((m) => m.id === `edit-${ride.id}-v3`)).toBe(false);
    expect(entities.auditEntries.at(-1)?.changedFields).toEqual(['passengers']);
  });

  it('sends no notice to a resident without SMS consent', async () => {
    const { book, edit, messages } = await booked({ smsConsent: false });
    const ride = await book('09:00');
    await edit(ride, at('11:00'));
    expect(messages()).toEqual([]);
  });

  it('refuses a dispatched, on-board or final request with 409 and the reason', async () => {
    const { ports, book, edit, move } = await booked();
    const sent = await force(ports, await book('08:00'), 'dispatched');
    await expect(edit(sent, at('10:00'))).rejects.toMatchObject({
      kind: 'conflict',
      currentVersion: 2,
      reason: expect.stringContaining('скасуйте запит і створіть новий'),
    });
    const riding = await force(ports, sent, 'on-board');
    await expect(edit(riding, at('10:00'))).rejects.toMatchObject({
      kind: 'conflict',
      reason: expect.any(String),
    });
    const ride = await book('13:00');
    const cancelled = await move(ride, 'cancelled');
    await expect(edit(cancelled, at('14:00'))).rejects.toMatchObject({
      kind: 'conflict',
      reason: expect.stringContaining('змінити його не можна'),
    });
  });

  it('edits a confirmed request and keeps it confirmed', async () => {
    const { book, edit, move } = await booked();
    const ride = await book('09:00');
    const confirmed = await move(ride, 'confirmed');
    expect((await edit(confirmed, at('10:00'))).status).toBe('confirmed');
  });
});

describe('editing a planned request', () => {
  it("withdraws it from the day's draft plan, back to requested, in the edit's transaction", async () => {
    const d = await demoDay();
    const ride = await d.ride(d.anna.id, '09:00');
    const other = await d.ride((await d.resident('Петро Коваль')).id, '10:00');
    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    const planned = (await d.ports.entities.requests.get(HROMADA, ride.id))!;
    expect(planned.status).toBe('planned');

    const moved = await editServiceRequest(
      d.ports,
      HROMADA,
      ride.id,
      editOf({ version: planned.version, ...at('13:00') }),
      'd',
    );
    expect(moved.status).toBe('requested');
    const after = (await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!;
    expect(after.version).toBe(plan.version + 1);
    const stops = after.routes.flatMap((r) => r.stops.map((s) => s.requestId));
    expect(stops).not.toContain(ride.id);
    expect(stops).toContain(other.id);
    expect(after.unassigned).toContainEqual({ requestId: ride.id, reason: EDITED_REASON });
    const audit = await d.ports.entities.audit.list(HROMADA, {});
    expect(audit.items.map((a) => a.action)).toEqual(expect.arrayContaining(['edit', 'withdraw']));
  });
});

describe('the change notice', () => {
  it('fits one UCS-2 segment for every service, and names no place or purpose', () => {
    for (const service of ['social-taxi', 'mobile-brigade', 'mobile-case', 'delivery'] as const) {
      for (const confidential of [false, true]) {
        const text = requestChanged({ service, confidential, day: '24.11', from: '23:45', to: '00:15' });
        expect(text.length).toBeLessThanOrEqual(70);
        expect(countSegments(text)).toMatchObject({ encoding: 'UCS-2', segments: 1 });
      }
    }
    expect(
      requestChanged({
        service: 'mobile-brigade',
        confidential: false,
        day: '24.11',
        from: '11:00',
        to: '12:00',
      }),
    ).toBe('Змінено: Зустріч 24.11 між 11:00-12:00. Скасувати: НІ');
  });

  it('a confidential visit moved to another place: a neutral one-segment notice without the address', async () => {
    const d = await demoDay();
    const visit = await d.visit(d.anna.id);
    expect(visit.confidential).toBe(true);
    const pickup = { address: 'с. Березна, вул. Лісова, 8', location: { lat: 49.5631, lon: 27.8411 } };
    const moved = await editServiceRequest(
      d.ports,
      HROMADA,
      visit.id,
      editOf({ version: 1, pickup, ...at('12:00') }),
      'd',
    );
    const notice = (await d.ports.outbox.listByHromada(HROMADA)).items.find(
      (m) => m.id === `edit-${visit.id}-v2`,
    )!;
    expect(notice.text).toMatch(/^Змінено: Зустріч 24\.11 між /);
    expect(notice.text).not.toMatch(/Лісова|Березна|social/);
    expect(countSegments(notice.text).segments).toBe(1);
    expect(moved.pickup).toEqual(pickup);
  });
});
