import { describe, expect, it } from 'vitest';
import { Violations } from '../../../../shared/routing/checker/violations';
import { checkZones, type ZoneCheck } from '../../../../shared/routing/checker/zones';
import type { VroomProblem, VroomSolution } from '../../../../shared/routing/vroom-format';

/** A band across the road from Березна (0) to Хмільник (1); 2 is inside it, 3 north of it all. */
const ZONES: ZoneCheck = {
  polygons: [
    [
      [
        [27.89, 49.52],
        [27.9, 49.52],
        [27.9, 49.6],
        [27.89, 49.6],
        [27.89, 49.52],
      ],
    ],
  ],
  locations: [
    [27.845, 49.561],
    [27.957, 49.56],
    [27.895, 49.56],
    [27.9, 49.65],
  ],
};

function run(distances: number[][], steps: Array<[string, number]>): string[] {
  const problem = {
    vehicles: [{ id: 1, profile: 'car', start_index: 0, end_index: 0 }],
    jobs: [],
    matrices: { car: { durations: distances, distances } },
  } as unknown as VroomProblem;
  const solution = {
    code: 0,
    routes: [{ vehicle: 1, steps: steps.map(([type, li], k) => ({ type, location_index: li, id: k })) }],
  } as unknown as VroomSolution;
  const out = new Violations();
  checkZones(problem, solution, ZONES, out);
  return out.list;
}

const straight = [
  [0, 10900, 0, 0],
  [10900, 0, 0, 0],
  [0, 0, 0, 0],
  [0, 0, 0, 0],
];
const around = [
  [0, 14000, 0, 0],
  [14000, 0, 0, 0],
  [0, 0, 0, 0],
  [0, 0, 0, 0],
];

describe('checker: danger zones', () => {
  it('a leg through the zone at the straight-line cost is a violation', () => {
    const v = run(straight, [
      ['start', 0],
      ['job', 1],
      ['end', 0],
    ]);
    expect(v).toHaveLength(2);
    expect(v[0]).toMatch(/^\[zone\] vehicle 1 step 1: leg 0→1 goes through a danger zone/);
  });

  it('a leg that pays the way around is accepted', () => {
    expect(
      run(around, [
        ['start', 0],
        ['job', 1],
        ['end', 0],
      ]),
    ).toEqual([]);
  });

  it('a stop inside the zone is a violation; a leg that does not cross is not judged', () => {
    expect(
      run(straight, [
        ['start', 0],
        ['job', 2],
        ['end', 0],
      ]),
    ).toEqual(['[zone] vehicle 1 step 1 job 1: stop inside a danger zone']);
    expect(
      run(straight, [
        ['start', 0],
        ['job', 3],
        ['end', 0],
      ]),
    ).toEqual([]);
  });
});
