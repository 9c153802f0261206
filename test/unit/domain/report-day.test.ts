import { describe, expect, it } from 'vitest';
import { withReportDays } from '../../../shared/adapters/report-day-changes';
import type { Plan } from '../../../shared/domain/entities/plan';
import { plannedOf, requestReportDeltas } from '../../../shared/domain/report-day';
import { request, SETTLEMENT_B } from '../../support/report-fixtures';

const SETTLEMENT_A = 'UA05120170020086400';

describe('report days: what a request adds to its day', () => {
  it('a booking counts open; its outcome moves it to done with riders, punctuality and the sets', () => {
    const booked = requestReportDeltas(request('r1', { status: 'confirmed' }), { created: true });
    expect(booked.deltas).toEqual([
      {
        hromadaId: 'khm',
        date: '2026-11-24',
        add: { 'n|open|s|social-taxi': 1, [`n|open|p|${SETTLEMENT_A}`]: 1 },
        sets: {},
      },
    ]);
    const done = {
      ...booked.request,
      status: 'done' as const,
      passengers: { escorts: 1, wheelchair: false },
      pickedUpAt: '2026-11-24T08:00:00.000Z',
    };
    const { request: counted, deltas } = requestReportDeltas(done, { created: false });
    expect(deltas).toEqual([
      {
        hromadaId: 'khm',
        date: '2026-11-24',
        add: {
          'n|open|s|social-taxi': -1,
          [`n|open|p|${SETTLEMENT_A}`]: -1,
          'n|done|s|social-taxi': 1,
          [`n|done|p|${SETTLEMENT_A}`]: 1,
          'riders|social-taxi': 2,
          'ot|onTime|social-taxi': 1,
        },
        sets: { 'taxi-settlements': [SETTLEMENT_A] },
      },
    ]);
    // written again (a rating, an erasure): the same bucket, nothing added
    expect(requestReportDeltas({ ...counted, feedbackAskedAt: 'x' }, { created: false }).deltas).toEqual([]);
  });

  it('a rescheduled request leaves its old day for the new one; a delivery joins the delivered set', () => {
    const first = requestReportDeltas(request('d1', { status: 'planned', serviceType: 'delivery' }), {
      created: true,
    }).request;
    const moved = requestReportDeltas({ ...first, date: '2026-11-25' }, { created: false });
    expect(moved.deltas.map((d) => [d.date, d.add['n|open|s|delivery']])).toEqual([
      ['2026-11-24', -1],
      ['2026-11-25', 1],
    ]);
    const done = requestReportDeltas({ ...moved.request, status: 'done' }, { created: false });
    expect(done.deltas[0]?.sets).toEqual({ delivered: [`${SETTLEMENT_A}#res-1`] });
  });

  it('one change per day in a change set: a ride and its return cancelled together', () => {
    const out = withReportDays([
      { op: 'create', entity: 'ServiceRequest', item: request('a', { status: 'cancelled' }) },
      {
        op: 'create',
        entity: 'ServiceRequest',
        item: request('b', {
          status: 'cancelled',
          settlementId: SETTLEMENT_B,
          updatedAt: '2026-11-24T07:00:00.000Z',
        }),
      },
    ]);
    const days = out.filter((c) => c.op === 'report-day');
    expect(days).toHaveLength(1);
    // a: cancelled 4 days ahead (early); b: 1 h before the window (late, default 2 h)
    expect(days[0]).toMatchObject({
      delta: { add: { 'n|cancelledEarly|s|social-taxi': 1, 'n|cancelledLate|s|social-taxi': 1 } },
    });
  });
});

describe('report days: a published plan’s routes', () => {
  it('km, hours, and rider-km shared out by leg time (hand-counted)', () => {
    const at = (hm: string) => `2026-11-24T${hm}:00.000Z`;
    const plan = {
      id: '2026-11-24',
      hromadaId: 'khm',
      version: 1,
      createdAt: at('05:00'),
      updatedAt: at('05:00'),
      date: '2026-11-24',
      status: 'published',
      unassigned: [],
      routes: [
        {
          vehicleId: 'bus-1',
          driverId: 'drv-1',
          // 2 h on the road in all, 40 km; stops from 08:00 to 09:30
          distanceM: 40_000,
          durationS: 7200,
          stops: [
            { requestId: 'r1', kind: 'pickup', arrival: at('08:00'), departure: at('08:00') },
            // 30 min with 1 aboard
            { requestId: 'r2', kind: 'pickup', arrival: at('08:30'), departure: at('08:30') },
            // 30 min with 2 aboard
            { requestId: 'r1', kind: 'dropoff', arrival: at('09:00'), departure: at('09:00') },
            // 30 min with 1 aboard
            { requestId: 'r2', kind: 'dropoff', arrival: at('09:30'), departure: at('09:30') },
          ],
        },
        { vehicleId: 'idle', stops: [], distanceM: 0, durationS: 0 },
      ],
    } as Plan;
    // travel: 90 min between stops + 30 min to and from the depot = 120 min for 40 km;
    // rider-km = 40 × (30×1 + 30×2 + 30×1) / 120 = 40
    expect(plannedOf(plan)).toEqual({
      'bus-1': { driverId: 'drv-1', km: 40, hours: 2, riderKm: 40, pickups: 2, visits: 0 },
    });
  });
});
