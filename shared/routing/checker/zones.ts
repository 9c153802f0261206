/**
 * Danger zones (closed roads, shelling areas): no stop inside a zone, and no leg driven through
 * one. VROOM's problem has no coordinates, so the caller passes the zones and each location
 * index's [lon, lat] (`ZoneCheck`). Its own geometry, shared with nobody: a leg passes through a
 * zone when its straight line properly crosses an edge or one of 64 points along it lies strictly
 * inside. Such a leg is allowed only when its matrix distance pays for going around: for each zone
 * it crosses, at least min over that zone's vertices v of |a v| + |v b| (any way that avoids the
 * zone is no shorter than the shortest way around it alone, which turns at one of its vertices at
 * least: a lower bound). A zone is its outer ring;
 * legs from or to a location inside a zone are not judged (the stop there is).
 */
import type { VroomProblem, VroomSolution } from '../vroom-format';
import type { Violations } from './violations';

export interface ZoneCheck {
  /** GeoJSON MultiPolygon coordinates ([lon, lat]). */
  polygons: Array<Array<Array<[number, number]>>>;
  /** [lon, lat] of each location index of the problem. */
  locations: Array<[number, number]>;
}

type P = { x: number; y: number };

/** Metres per degree; a leg that pays 0.5 % less than the bound is still accepted (projection). */
const M_PER_DEG = 111_195;
const SLACK = 0.995;

export function checkZones(
  problem: VroomProblem,
  solution: VroomSolution,
  zones: ZoneCheck,
  out: Violations,
): void {
  const rings = zones.polygons.map((p) => p[0] ?? []).filter((r) => r.length >= 4);
  if (rings.length === 0) return;
  const lat0 = rings[0]![0]![1];
  const kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  const at = ([lon, lat]: [number, number]): P => ({ x: lon * kx, y: lat * M_PER_DEG });
  const polys = rings.map((r) => r.map(at));
  const where = (i: number): P | undefined => {
    const l = zones.locations[i];
    return l ? at(l) : undefined;
  };
  const inZone = (p: P) => polys.some((poly) => insideOrOn(p, poly));
  for (const route of solution.routes ?? []) {
    const veh = problem.vehicles.find((v) => v.id === route.vehicle);
    const matrix = problem.matrices?.[veh?.profile ?? 'car'];
    let prev: number | undefined;
    for (const [k, step] of route.steps.entries()) {
      const li = step.location_index;
      if (li === undefined || step.done) continue;
      const p = where(li);
      if (!p) continue;
      const isTask = step.type === 'job' || step.type === 'pickup' || step.type === 'delivery';
      if (isTask && inZone(p))
        out.add(
          'zone',
          `vehicle ${route.vehicle} step ${k} ${step.type} ${step.id}: stop inside a danger zone`,
        );
      if (prev !== undefined && prev !== li) {
        const a = where(prev)!;
        const crossed = inZone(a) || inZone(p) ? [] : polys.filter((poly) => passesThrough(a, p, poly));
        if (crossed.length > 0) {
          const paid = matrix?.distances?.[prev]?.[li];
          // around each zone crossed, the way turns at one of its own vertices at least
          const bound = Math.max(
            ...crossed.map((poly) => Math.min(...poly.map((v) => dist(a, v) + dist(v, p)))),
          );
          if (paid === undefined || paid < bound * SLACK)
            out.add(
              'zone',
              `vehicle ${route.vehicle} step ${k}: leg ${prev}→${li} goes through a danger zone (${paid ?? '?'} m < ${Math.round(bound)} m around it)`,
            );
        }
      }
      prev = li;
    }
  }
}

const dist = (a: P, b: P) => Math.hypot(a.x - b.x, a.y - b.y);
const orient = (a: P, b: P, c: P) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));

/** Ray casting; a point on an edge (within 1 cm) counts as inside. */
function insideOrOn(p: P, poly: P[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    const len = dist(a, b);
    if (len > 0 && Math.abs(dist(a, p) + dist(p, b) - len) < 0.01) return true;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

function strictlyInside(p: P, poly: P[]): boolean {
  return (
    insideOrOn(p, poly) &&
    !poly.some((a, i) => {
      const b = poly[(i + 1) % poly.length]!;
      const len = dist(a, b);
      return len > 0 && Math.abs(dist(a, p) + dist(p, b) - len) < 0.01;
    })
  );
}

function passesThrough(a: P, b: P, poly: P[]): boolean {
  for (let i = 0; i + 1 < poly.length; i++) {
    const c = poly[i]!;
    const d = poly[i + 1]!;
    const o1 = orient(a, b, c);
    const o2 = orient(a, b, d);
    const o3 = orient(c, d, a);
    const o4 = orient(c, d, b);
    if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  }
  for (let s = 1; s < 64; s++) {
    const t = s / 64;
    if (strictlyInside({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) }, poly)) return true;
  }
  return false;
}
