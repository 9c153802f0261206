/** Shipments (rides): pickup before delivery, max ride time, exclusive rides. */
import { describe, expect, it } from 'vitest';
import { solve } from '../../../../shared/routing/engine/index';
import { depotVehicle, expectFeasible, onLine, opts, ride, taskIds } from './helpers';

describe('shipments', () => {
  it('keeps pickup before delivery on the same vehicle', () => {
    const p = onLine({
      vehicles: [
        { id: 1, start_index: 4, capacity: [1] },
        { id: 2, start_index: 0, capacity: [1] },
      ],
      shipments: [ride(1, 3, 1), ride(2, 1, 3)],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.unassigned).toEqual([]);
    for (const id of [1, 2]) {
      const r = s.routes.find((x) => x.steps.some((st) => st.type === 'pickup' && st.id === id))!;
      const ip = r.steps.findIndex((st) => st.type === 'pickup' && st.id === id);
      const id2 = r.steps.findIndex((st) => st.type === 'delivery' && st.id === id);
      expect(ip).toBeGreaterThanOrEqual(0);
      expect(id2).toBeGreaterThan(ip);
    }
  });

  it('meets max_ride_time by delaying the pickup departure', () => {
    // pickup at 1 (window opens at 0), delivery at 3 not before 200; direct ride 20; L = 30
    const p = onLine({
      vehicles: [depotVehicle(1)],
      shipments: [
        {
          max_ride_time: 30,
          pickup: { id: 1, location_index: 1, time_windows: [[0, 500]] },
          delivery: { id: 1, location_index: 3, time_windows: [[200, 300]] },
        },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const st = s.routes[0]!.steps;
    const pick = st.find((x) => x.type === 'pickup')!;
    const del = st.find((x) => x.type === 'delivery')!;
    expect(del.arrival + del.waiting_time - pick.departure!).toBeLessThanOrEqual(30);
  });

  it('reports a max ride time that the direct trip already breaks', () => {
    const p = onLine({
      vehicles: [{ id: 1, start_index: 0 }],
      shipments: [
        { max_ride_time: 15, pickup: { id: 1, location_index: 1 }, delivery: { id: 1, location_index: 4 } },
      ],
    });
    const s = solve(p, opts());
    expect(s.unassigned[0]!.reason_code).toBe('max_ride_time');
    expect(s.unassigned[0]!.reason).toBe('max ride time 15 cannot be met: direct trip takes 30');
  });

  it('exclusive ride: nobody else on board between its pickup and delivery', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { capacity: [4] })],
      shipments: [
        {
          amount: [1],
          exclusive: true,
          pickup: { id: 1, location_index: 1 },
          delivery: { id: 1, location_index: 4 },
        },
        ride(2, 2, 3),
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const ids = taskIds(s);
    const i = ids.indexOf('pickup:1');
    expect(ids[i + 1]).toBe('delivery:1');
    expect(s.routes[0]!.steps.find((x) => x.type === 'pickup' && x.id === 1)!.load).toEqual([1]);
  });

  it('exclusive ride cannot share the vehicle with goods already on board', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { capacity: [4] })],
      jobs: [{ id: 9, location_index: 3, delivery: [1] }],
      shipments: [
        {
          amount: [1],
          exclusive: true,
          pickup: { id: 1, location_index: 1 },
          delivery: { id: 1, location_index: 2 },
        },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    // the parcel (loaded at the start) must be dropped (job 9) before the exclusive pickup
    expect(s.unassigned).toEqual([]);
    expect(taskIds(s)).toEqual(['job:9', 'pickup:1', 'delivery:1']);
    expect(s.routes[0]!.steps.find((x) => x.type === 'pickup')!.load).toEqual([1]);
  });

  it('max_duration with ride times: a dial-a-ride route that must wait is shifted later', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { capacity: [3], time_window: [0, 1000], max_duration: 120 })],
      shipments: [
        {
          amount: [1],
          max_ride_time: 40,
          pickup: { id: 1, location_index: 1, service: 2 },
          delivery: { id: 1, location_index: 3, service: 2, time_windows: [[600, 620]] },
        },
        {
          amount: [1],
          max_ride_time: 40,
          pickup: { id: 2, location_index: 2, service: 2 },
          delivery: { id: 2, location_index: 4, service: 2, time_windows: [[610, 640]] },
        },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.unassigned).toEqual([]);
    const st = s.routes[0]!.steps;
    expect(st[st.length - 1]!.arrival - st[0]!.departure!).toBeLessThanOrEqual(120);
  });
});
