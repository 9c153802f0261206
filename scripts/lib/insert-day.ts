/**
 * A realistic service day in Хмільницька громада for the insertion benchmark: requests drawn
 * around the real settlements (weighted by population), road times from great-circle distance,
 * and the fleet that serves them. Deterministic for a seed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VroomJob, VroomShipment, VroomVehicle } from '../../shared/routing/vroom-format';
import { repoRoot, rng } from './bench';

interface Settlement {
  name_en: string;
  lat: number | null;
  lon: number | null;
  population: number | null;
}

const SPEED_MPS = 50 / 3.6;
const DETOUR = 1.3;
export const H = 3600;

function haversine(a: [number, number], b: [number, number]): number {
  const R = 6371000;
  const toRad = (x: number) => (x * Math.PI) / 180;
  const dLat = toRad(b[0] - a[0]);
  const dLon = toRad(b[1] - a[1]);
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[0])) * Math.cos(toRad(b[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(s));
}

export class Day {
  /** [lat, lon] per matrix index; index 0 = depot. */
  readonly points: Array<[number, number]> = [];
  private readonly random: () => number;
  private readonly places: Array<{ p: [number, number]; w: number }>;
  private readonly centre: [number, number];

  constructor(seed: number) {
    this.random = rng(seed);
    const data = JSON.parse(
      readFileSync(path.resolve(repoRoot, 'infra/local/demo-data/khmilnytska-hromada.json'), 'utf8'),
    ) as { center: { lat: number; lon: number }; settlements: Settlement[] };
    this.centre = [data.center.lat, data.center.lon];
    this.places = data.settlements
      .filter((s) => s.lat !== null && s.lon !== null)
      .map((s) => ({ p: [s.lat!, s.lon!] as [number, number], w: Math.sqrt(s.population ?? 100) }));
    this.points.push(this.centre);
  }

  rand(): number {
    return this.random();
  }

  /** A new location index: a settlement (population-weighted, sqrt) or the town centre, with jitter. */
  location(inTown = false): number {
    let base = this.centre;
    if (!inTown) {
      const total = this.places.reduce((a, x) => a + x.w, 0);
      let u = this.random() * total;
      for (const x of this.places) {
        u -= x.w;
        if (u <= 0) {
          base = x.p;
          break;
        }
      }
    }
    const jitter = inTown ? 0.015 : 0.01;
    this.points.push([
      base[0] + (this.random() - 0.5) * jitter,
      base[1] + (this.random() - 0.5) * jitter * 1.5,
    ]);
    return this.points.length - 1;
  }

  distance(i: number, j: number): number {
    return i === j ? 0 : Math.round(DETOUR * haversine(this.points[i]!, this.points[j]!));
  }

  /** Matrices over the first n points. */
  matrices(n: number): { durations: number[][]; distances: number[][] } {
    const distances: number[][] = [];
    const durations: number[][] = [];
    for (let i = 0; i < n; i++) {
      const d: number[] = new Array(n);
      const t: number[] = new Array(n);
      for (let j = 0; j < n; j++) {
        d[j] = this.distance(i, j);
        t[j] = Math.round(d[j]! / SPEED_MPS);
      }
      distances.push(d);
      durations.push(t);
    }
    return { durations, distances };
  }

  /** Extend square matrices to n points (new rows/columns only). */
  extend(m: { durations: number[][]; distances: number[][] }, n: number) {
    const old = m.durations.length;
    const distances = m.distances.map((row) => row.slice());
    const durations = m.durations.map((row) => row.slice());
    for (let i = 0; i < n; i++) {
      if (i >= old) {
        distances.push(new Array(n));
        durations.push(new Array(n));
      }
      for (let j = i < old ? old : 0; j < n; j++) {
        const d = this.distance(i, j);
        distances[i]![j] = d;
        durations[i]![j] = Math.round(d / SPEED_MPS);
      }
    }
    return { durations, distances };
  }

  travel(i: number, j: number): number {
    return Math.round(this.distance(i, j) / SPEED_MPS);
  }

  /** A social-taxi ride: to an appointment in town (delivery window) or back home (pickup window). */
  ride(pickupId: number, earliest = 8 * H): VroomShipment {
    const home = this.location();
    const town = this.location(true);
    const outbound = this.random() < 0.5;
    // appointment slot between `earliest` (default 08:00) and 16:30, on a 5-min grid
    const slot = Math.round((earliest + this.random() * (16.5 * H - earliest)) / 300) * 300;
    const direct = this.travel(home, town);
    const maxRide = Math.max(30 * 60, Math.round(1.5 * direct + 15 * 60));
    const companion = this.random() < 0.15 ? 2 : 1;
    const wheelchair = this.random() < 0.1;
    const s: VroomShipment = {
      amount: [companion, 0],
      pickup: { id: pickupId, location_index: outbound ? home : town, service: 180 },
      delivery: { id: pickupId + 1, location_index: outbound ? town : home, service: 120 },
      max_ride_time: maxRide,
    };
    if (outbound) s.delivery.time_windows = [[slot - 30 * 60, slot]];
    else s.pickup.time_windows = [[slot, slot + 30 * 60]];
    if (wheelchair) {
      s.skills = [1];
      s.pickup.service = 420;
      s.delivery.service = 300;
    }
    return s;
  }

  /** A parcel (food kit / medicine) delivery at home, in a 2-hour window. */
  parcel(id: number, earliest = 9 * H): VroomJob {
    const start = Math.round((earliest + this.random() * (16 * H - earliest)) / 900) * 900;
    return {
      id,
      location_index: this.location(),
      delivery: [0, 1],
      service: 240,
      time_windows: [[start, start + 2 * H]],
    };
  }
}

export function vehicles(count: number): VroomVehicle[] {
  return Array.from({ length: count }, (_, k) => ({
    id: k + 1,
    start_index: 0,
    end_index: 0,
    capacity: [4, 10],
    time_window: [7 * H, 19 * H] as [number, number],
    skills: k < 3 ? [1] : [],
    breaks: [{ id: 1, service: 30 * 60, time_windows: [[11.5 * H, 14 * H]] as Array<[number, number]> }],
    costs: { fixed: 0, per_hour: 3600 },
  }));
}
