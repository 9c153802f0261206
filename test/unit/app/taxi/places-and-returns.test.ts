import { describe, expect, it } from 'vitest';
import { editServiceRequest } from '../../../../shared/app/edit-request';
import { dayPoints } from '../../../../shared/app/planning/day-points';
import { queueReminders } from '../../../../shared/app/queue-reminders';
import { listAll, requireHromada } from '../../../../shared/app/registry';
import { bookServiceRequest, changeRequestStatus } from '../../../../shared/app/service-requests';
import { serviceRequestEditSchema } from '../../../../shared/domain/entities/service-request';
import { NotFoundError, ValidationError } from '../../../../shared/domain/errors';
import { registryKinds } from '../../../../shared/domain/registry';
import { parseOrThrow } from '../../../../shared/domain/validation';
import { HROMADA } from '../../../support/fixtures';
import { bookingOf } from '../../../support/inputs';
import { HOSPITAL, homeToHospital, withPlaces } from './support';

describe('social taxi: places', () => {
  it('books from the resident home to a known place: the request stores the address, point and placeId', async () => {
    const { ports, resident } = await withPlaces();
    const r = await bookServiceRequest(ports, HROMADA, bookingOf(homeToHospital(resident.id)), 'd');
    expect(r.pickup).toEqual({
      address: resident.address,
      location: resident.location,
      settlementId: resident.settlementId,
    });
    expect(r.dropoff).toEqual({
      address: HOSPITAL.address,
      location: HOSPITAL.location,
      settlementId: HOSPITAL.settlementId,
      placeId: 'hospital',
    });
  });

  it('an unknown place is a 404 and a home without coordinates a 400 at the field, nothing written', async () => {
    const { ports, resident, requests } = await withPlaces();
    const unknown = bookingOf(homeToHospital(resident.id, { dropoff: { placeId: 'nowhere' } }));
    await expect(bookServiceRequest(ports, HROMADA, unknown, 'd')).rejects.toBeInstanceOf(NotFoundError);
    const { resident: homeless, ports: p2 } = await withPlaces({ location: null });
    const noHome = bookServiceRequest(p2, HROMADA, bookingOf(homeToHospital(homeless.id)), 'd');
    await expect(noHome).rejects.toBeInstanceOf(ValidationError);
    await expect(noHome).rejects.toMatchObject({ issues: [{ path: 'pickup' }] });
    expect(requests()).toHaveLength(0);
  });

  it('an edit (PATCH) takes a known place too, resolved as at booking', async () => {
    const { ports, resident } = await withPlaces();
    const body = homeToHospital(resident.id, {
      dropoff: { address: 'м. Хмільник, вул. Небесної Сотні, 4', location: { lat: 49.5581, lon: 27.9551 } },
    });
    const r = await bookServiceRequest(ports, HROMADA, bookingOf(body), 'd');
    const edit = parseOrThrow(serviceRequestEditSchema, { version: 1, dropoff: { placeId: 'hospital' } });
    const edited = await editServiceRequest(ports, HROMADA, r.id, edit, 'd');
    expect(edited.dropoff).toMatchObject({ address: HOSPITAL.address, placeId: 'hospital' });
  });

  it('places are a registry kind: listed per hromada', async () => {
    const { ports } = await withPlaces();
    expect((await listAll(ports, registryKinds.places, HROMADA)).map((p) => p.name)).toEqual([HOSPITAL.name]);
  });
});

describe('social taxi: the resident mobility by default', () => {
  it('no passengers in the booking: a wheelchair and one escort from the resident', async () => {
    const { ports, resident } = await withPlaces();
    const r = await bookServiceRequest(ports, HROMADA, bookingOf(homeToHospital(resident.id)), 'd');
    expect(r.passengers).toEqual({ escorts: 1, wheelchair: true });
  });

  it('passengers given in the booking win', async () => {
    const { ports, resident } = await withPlaces();
    const body = homeToHospital(resident.id, { passengers: { escorts: 0, wheelchair: false } });
    const r = await bookServiceRequest(ports, HROMADA, bookingOf(body), 'd');
    expect(r.passengers).toEqual({ escorts: 0, wheelchair: false });
  });
});

describe('social taxi: the linked return trip', () => {
  it('a fixed return is booked with the outbound, in one transaction: swapped places, returnOf, one SMS', async () => {
    const { ports, entities, resident, requests } = await withPlaces();
    const out = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(homeToHospital(resident.id, { return: { mode: 'fixed', time: '12:00' } })),
      'd',
    );
    const back = await ports.entities.requests.get(HROMADA, `${out.id}-r`);
    expect(back).toMatchObject({
      returnOf: out.id,
      returnMode: 'fixed',
      pickup: out.dropoff,
      dropoff: out.pickup,
      requestedTime: { kind: 'pickup', time: '12:00' },
      passengers: out.passengers,
      status: 'requested',
    });
    expect(back?.awaitingCall).toBeUndefined();
    expect(requests()).toHaveLength(2);
    expect(entities.outbox.size).toBe(1);
    const guard = await ports.entities.residentDays.get(HROMADA, resident.id, out.date);
    expect(guard?.windows.map((w) => w.requestId)).toEqual([out.id, back!.id]);
  });

  it('a fixed return before the outbound is a 400 at return.time; nothing is written', async () => {
    const { ports, resident, requests } = await withPlaces();
    const body = bookingOf(homeToHospital(resident.id, { return: { mode: 'fixed', time: '07:00' } }));
    const booking = bookServiceRequest(ports, HROMADA, body, 'd');
    await expect(booking).rejects.toMatchObject({ kind: 'validation', issues: [{ path: 'return.time' }] });
    expect(requests()).toHaveLength(0);
  });

  it('a return is for a social-taxi ride only (zod path return)', () => {
    expect(() =>
      bookingOf({
        ...homeToHospital('r1', { return: { mode: 'will-call' } }),
        serviceType: 'delivery',
        dropoff: undefined,
      }),
    ).toThrow(ValidationError);
  });

  it('a will-call return awaits the call: it is not planned until activated', async () => {
    const { ports, resident } = await withPlaces();
    const out = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(homeToHospital(resident.id, { return: { mode: 'will-call' } })),
      'd',
    );
    const back = (await ports.entities.requests.get(HROMADA, `${out.id}-r`))!;
    expect(back).toMatchObject({ awaitingCall: true, returnMode: 'will-call', returnOf: out.id });
    const hromada = await requireHromada(ports, HROMADA);
    const day = dayPoints({ hromada, date: out.date, requests: [out, back], vehicles: [], depots: [] });
    expect(day.requests.map((r) => r.id)).toEqual([out.id]);
  });

  it('the evening reminder reminds of the ride there, not of its will-call return (no time to tell yet)', async () => {
    const { ports, entities, resident } = await withPlaces();
    const book = (date: string, back: Record<string, unknown>) =>
      bookServiceRequest(ports, HROMADA, bookingOf(homeToHospital(resident.id, { return: back }, date)), 'd');
    const willCall = await book('2026-11-24', { mode: 'will-call' });
    ports.clock.now = () => new Date('2026-11-23T16:05:00Z'); // 18:05 in Kyiv: reminder time
    await queueReminders(ports);
    const reminded = () =>
      [...entities.outbox.values()].filter((m) => m.kind === 'reminder').map((m) => m.subject);
    expect(reminded()).toEqual([`REQUEST#${willCall.id}`]);
  });

  it('cancelling the outbound cancels its return in the same transaction; keepReturn keeps it', async () => {
    const { ports, entities, resident } = await withPlaces();
    const book = async (date: string) =>
      bookServiceRequest(
        ports,
        HROMADA,
        bookingOf(homeToHospital(resident.id, { return: { mode: 'will-call' } }, date)),
        'd',
      );
    const first = await book('2026-11-24');
    await changeRequestStatus(ports, HROMADA, first.id, 1, 'cancelled', 'd', [], 'dispatcher');
    expect((await ports.entities.requests.get(HROMADA, `${first.id}-r`))?.status).toBe('cancelled');
    expect(entities.auditEntries.filter((a) => a.action === 'cancel').map((a) => a.itemId)).toEqual([
      first.id,
      `${first.id}-r`,
    ]);
    const second = await book('2026-11-25');
    await changeRequestStatus(ports, HROMADA, second.id, 1, 'cancelled', 'd', [], 'dispatcher', {
      keepReturn: true,
    });
    expect((await ports.entities.requests.get(HROMADA, `${second.id}-r`))?.status).toBe('requested');
  });
});
