import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  guessFormat,
  readCordeau,
  readInstance,
  readLiLim,
  readSolomon,
} from '../../../../shared/routing/formats/index';

const BENCH = path.resolve(__dirname, '../../../fixtures/benchmarks');
const read = (rel: string) => readFileSync(path.join(BENCH, rel), 'utf8');

describe('readSolomon', () => {
  const p = readSolomon(read('solomon/C101.txt'));
  it('reads 100 jobs, 25 vehicles, the depot window as shift', () => {
    expect(p.jobs).toHaveLength(100);
    expect(p.vehicles).toHaveLength(25);
    expect(p.vehicles[0]).toMatchObject({
      start_index: 0,
      end_index: 0,
      capacity: [200],
      time_window: [0, 1236],
    });
    expect(p.jobs!.map((j) => j.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // "1 45 68 10 912 967 90"
    expect(p.jobs![0]).toMatchObject({
      id: 1,
      location_index: 1,
      delivery: [10],
      service: 90,
      time_windows: [[912, 967]],
    });
    expect(p.options?.objective).toBe('cost');
  });
  it('builds a double-precision Euclidean matrix with durations = distances', () => {
    const m = p.matrices.car!;
    expect(m.durations).toHaveLength(101);
    expect(m.durations[0]![1]).toBeCloseTo(Math.hypot(5, 18), 12);
    expect(m.distances).toEqual(m.durations);
  });
  it('sets the hierarchical objective on request', () => {
    const q = readSolomon(read('solomon/R201.txt'), { objective: 'vehicles-then-distance', fixedCost: 1e5 });
    expect(q.options?.objective).toBe('vehicles-then-cost');
    expect(q.vehicles[0]!.costs?.fixed).toBe(1e5);
    expect(q.vehicles[0]!.capacity).toEqual([1000]);
  });
});

describe('readLiLim', () => {
  const p = readLiLim(read('lilim_100/lc101.txt'));
  it('pairs pickups and deliveries by the task index', () => {
    expect(p.vehicles).toHaveLength(25);
    expect(p.shipments).toHaveLength(53);
    const ids = p.shipments!.flatMap((s) => [s.pickup.id, s.delivery.id]).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 106 }, (_, i) => i + 1));
    // "3 42 66 10 65 146 90 0 75"
    const s3 = p.shipments!.find((s) => s.pickup.id === 3)!;
    expect(s3.amount).toEqual([10]);
    expect(s3.delivery.id).toBe(75);
    expect(s3.pickup).toMatchObject({ location_index: 3, service: 90, time_windows: [[65, 146]] });
    expect(p.matrices.car!.durations).toHaveLength(107);
  });
});

describe('readCordeau', () => {
  it('reads a2-16: shipments with ride time, duration, capacity, depots', () => {
    const p = readCordeau(read('cordeau_darp/a/a2-16.txt'));
    expect(p.vehicles).toHaveLength(2);
    expect(p.vehicles[0]).toMatchObject({
      start_index: 0,
      end_index: 33,
      capacity: [3],
      max_duration: 480,
      time_window: [0, 480],
    });
    expect(p.shipments).toHaveLength(16);
    const s = p.shipments![8]!;
    expect(s.pickup).toMatchObject({ id: 9, location_index: 9, service: 3, time_windows: [[276, 291]] });
    expect(s.delivery).toMatchObject({ id: 25, location_index: 25, time_windows: [[0, 1440]] });
    expect(s.max_ride_time).toBe(30);
    expect(p.shipments![0]!.delivery.time_windows).toEqual([[402, 417]]);
    expect(p.matrices.car!.durations).toHaveLength(34);
  });
  it('reads the b-set and the restored a7-84 / jinete variant identically', () => {
    const b = readCordeau(read('cordeau_darp/b/b2-16.txt'));
    expect(b.vehicles[0]!.capacity).toEqual([6]);
    expect(b.shipments![0]!.max_ride_time).toBe(45);
    const a = readCordeau(read('cordeau_darp/a/a7-84.txt'));
    const j = readCordeau(read('cordeau_darp/a/a7-84.txt.jinete-format'));
    expect(a.shipments).toHaveLength(84);
    expect(a.vehicles).toHaveLength(7);
    expect(a.vehicles[0]!.time_window).toEqual([0, 720]);
    expect(j).toEqual(a);
  });
});

describe('guessFormat / readInstance', () => {
  it('guesses from content and name', () => {
    for (const [rel, fmt] of [
      ['solomon/RC205.txt', 'solomon'],
      ['lilim_100/lrc201.txt', 'lilim'],
      ['cordeau_darp/b/b8-96.txt', 'cordeau'],
    ] as const) {
      const text = read(rel);
      expect(guessFormat(rel, text)).toBe(fmt);
      expect(readInstance(text, fmt).vehicles.length).toBeGreaterThan(0);
    }
    expect(guessFormat('x.json', '{"vehicles":[]}')).toBe('vroom');
  });
});

describe('all benchmark files parse', () => {
  const sets: Array<[string, string[]]> = [
    ['solomon', ['']],
    ['lilim_100', ['']],
    ['cordeau_darp', ['a', 'b']],
  ];
  for (const [set, subs] of sets) {
    it(`${set}: every instance reads, ids unique, windows ordered`, () => {
      let count = 0;
      for (const sub of subs) {
        const dir = path.join(BENCH, set, sub);
        for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
          const text = readFileSync(path.join(dir, f), 'utf8');
          const p = readInstance(text, guessFormat(f, text));
          count++;
          const steps = [
            ...(p.jobs ?? []).map((j) => ({ id: j.id, tw: j.time_windows, loc: j.location_index })),
            ...(p.shipments ?? [])
              .flatMap((s) => [s.pickup, s.delivery])
              .map((s) => ({ id: s.id, tw: s.time_windows, loc: s.location_index })),
          ];
          expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
          for (const s of steps) {
            expect(s.id).toBe(s.loc); // ids = node numbers = matrix rows
            for (const [a, b] of s.tw ?? []) expect(a).toBeLessThanOrEqual(b);
          }
          const n = p.matrices.car!.durations.length;
          expect(p.matrices.car!.durations.every((row) => row.length === n)).toBe(true);
        }
      }
      expect(count).toBe(set === 'cordeau_darp' ? 48 : 56);
    });
  }

  it('cordeau: jinete variant without the end depot line gets an end depot copy', () => {
    const text = read('cordeau_darp/a/a2-16.txt');
    const lines = text.trimEnd().split('\n');
    const jinete = [lines[0]!.replace('2 16 ', '2 32 '), ...lines.slice(1, -1)].join('\n');
    const p = readCordeau(jinete);
    expect(p.shipments).toHaveLength(16);
    expect(p.vehicles[0]).toMatchObject({ end_index: 33, time_window: [0, 480], max_duration: 480 });
  });
});
