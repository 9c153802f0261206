/** The checker's exclusive family: exclusive visits (jobs) and exclusive rides (shipments). */
import { describe, expect, it } from 'vitest';
import { checkSolution, violationKind } from '../../../../shared/routing/checker/index';
import type { StepRef, VroomProblem } from '../../../../shared/routing/vroom-format';
import { build, lineMatrix } from './build';

/**
 * Points on a line (x = 0, 10, ..., 50), depot 0, one vehicle with 4 seats.
 * job 1 @2: a confidential visit (exclusive), service 5; job 2 @5: a parcel of 1 handed over.
 * ride A: pickup 10 @1 -> delivery 11 @3; ride B: pickup 20 @4 -> delivery 21 @5.
 */
function problem(): VroomProblem {
  return {
    vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [4], time_window: [0, 10_000] }],
    jobs: [
      { id: 1, location_index: 2, service: 5, exclusive: true },
      { id: 2, location_index: 5, delivery: [1] },
    ],
    shipments: [
      { amount: [1], pickup: { id: 10, location_index: 1 }, delivery: { id: 11, location_index: 3 } },
      { amount: [1], pickup: { id: 20, location_index: 4 }, delivery: { id: 21, location_index: 5 } },
    ],
    matrices: { car: lineMatrix(6) },
  };
}

const job = (id: number): StepRef => ({ type: 'job', id });
const pickup = (id: number): StepRef => ({ type: 'pickup', id });
const delivery = (id: number): StepRef => ({ type: 'delivery', id });

function kinds(p: VroomProblem, steps: StepRef[]): string[] {
  const res = checkSolution(p, build(p, [{ vehicle: 1, steps }]));
  return [...new Set(res.violations.map(violationKind))];
}

describe('checker: exclusive visits', () => {
  it('accepts an exclusive visit made with no rider on board (a parcel on board is not a rider)', () => {
    const p = problem();
    expect(kinds(p, [pickup(10), delivery(11), job(1), pickup(20), delivery(21), job(2)])).toEqual([]);
    expect(kinds(p, [job(1), pickup(10), delivery(11), pickup(20), job(2), delivery(21)])).toEqual([]);
  });

  it('refuses an exclusive visit while a rider is on board', () => {
    const p = problem();
    expect(kinds(p, [pickup(10), job(1), delivery(11), pickup(20), delivery(21), job(2)])).toEqual([
      'exclusive',
    ]);
  });

  it('refuses an exclusive visit while a rider on board since the start is still in the car', () => {
    const p = problem();
    p.vehicles[0]!.done_steps = [pickup(10)];
    expect(kinds(p, [job(1), delivery(11), pickup(20), delivery(21), job(2)])).toEqual(['exclusive']);
    expect(kinds(p, [delivery(11), job(1), pickup(20), delivery(21), job(2)])).toEqual([]);
  });

  it('the same visit without the flag may share the car', () => {
    const p = problem();
    p.jobs![0]!.exclusive = false;
    expect(kinds(p, [pickup(10), job(1), delivery(11), pickup(20), delivery(21), job(2)])).toEqual([]);
  });

  it('refuses a stop made before an exclusive rider on board since the start is dropped', () => {
    const p = problem();
    p.jobs![0]!.exclusive = false;
    p.shipments![0]!.exclusive = true;
    p.vehicles[0]!.done_steps = [pickup(10)];
    expect(kinds(p, [job(1), delivery(11), pickup(20), delivery(21), job(2)])).toEqual(['exclusive']);
    expect(kinds(p, [delivery(11), job(1), pickup(20), delivery(21), job(2)])).toEqual([]);
  });

  it('refuses a visit made while an exclusive ride is on board', () => {
    const p = problem();
    p.jobs![0]!.exclusive = false;
    p.shipments![0]!.exclusive = true;
    expect(kinds(p, [pickup(10), job(1), delivery(11), pickup(20), delivery(21), job(2)])).toEqual([
      'exclusive',
    ]);
    expect(kinds(p, [pickup(10), delivery(11), job(1), pickup(20), delivery(21), job(2)])).toEqual([]);
  });
});
