/**
 * Day of service: relaxations applied to a compiled model when the day as it stands cannot be
 * planned within the letter of the problem (a vehicle under way, passengers on board, a frozen head).
 * Each lifts only what is needed; the output then measures the route against the problem as given
 * and declares what it breaks (output/mark-violations.ts).
 */
import { evaluateLenient, evaluateRoute, sched } from './evaluate';
import { KIND_BREAK, KIND_DELIVERY, KIND_PICKUP } from './kinds';
import type { Model } from './model';

export function relaxDayOfService(m: Model): void {
  relaxLostOnboard(m);
  relaxLateBreaks(m);
}

/**
 * A passenger already on board is always delivered: when even going there first cannot meet the
 * delivery's time window or ride time any more (the vehicle is late), those limits are replaced by a
 * deadline: the soonest possible drop-off plus one ride time (or window width) of slack.
 */
function relaxLostOnboard(m: Model): void {
  for (let r = 0; r < m.R; r++) {
    const d = m.rNode0[r]!;
    if (m.rNode1[r]! >= 0 || m.kind[d] !== KIND_DELIVERY || m.partner[d]! >= 0) continue;
    const v = m.rLock[r]!;
    if (v < 0) continue;
    // Going there right after the frozen head; a pickup in the head needs its delivery too, else the
    // test fails on precedence, not on this passenger's time (and would relax a window wrongly).
    const head = m.vLocked[v]!;
    const partners = head.filter((n) => m.kind[n] === KIND_PICKUP && !head.includes(m.partner[n]!));
    const after = [...head, d, ...partners.map((n) => m.partner[n]!)];
    const before = [...head, ...partners.map((n) => m.partner[n]!), d];
    if (
      evaluateRoute(m, v, after, after.length, head.length) < Number.POSITIVE_INFINITY ||
      evaluateRoute(m, v, before, before.length, head.length) < Number.POSITIVE_INFINITY
    ) {
      continue;
    }
    const buf = [...head, d];
    // slack for the new deadline: the ride time limit, else the width of the last window
    const k0 = m.twOff[d]!;
    const k1 = m.twOff[d + 1]! - 1;
    let slack = m.maxRide[d]!;
    if (!Number.isFinite(slack)) slack = m.tw[2 * k1 + 1]! - m.tw[2 * k1]!;
    if (!Number.isFinite(slack)) slack = 0;
    m.maxRide[d] = Number.POSITIVE_INFINITY;
    for (let k = k0; k <= k1; k++) {
      m.tw[2 * k] = 0;
      m.tw[2 * k + 1] = Number.POSITIVE_INFINITY;
    }
    evaluateLenient(m, v, buf, buf.length);
    const soonest = sched.B[buf.length]!;
    m.tw[2 * k0 + 1] = soonest + slack;
    for (let k = k0 + 1; k <= k1; k++) {
      m.tw[2 * k] = soonest + slack;
      m.tw[2 * k + 1] = soonest + slack;
    }
    m.rSimple[r] = m.exclusive[d] === 1 ? 0 : 1; // an exclusive rider still needs the full check
  }
  for (let v = 0; v < m.V; v++) if (m.vOnboard[v]! > 0) relaxVehicleForOnboard(m, v);
}

/**
 * When the vehicle cannot deliver its passengers on board even right after its frozen head within
 * its own limits (shift end, max_travel_time, max_distance, max_duration, break windows), those
 * limits are lifted and the vehicle takes no task beyond the head and these deliveries: it finishes
 * the ride, and the output lists what was broken.
 */
function relaxVehicleForOnboard(m: Model, v: number): void {
  const head = m.vLocked[v]!;
  const onboard: number[] = [];
  for (let r = 0; r < m.R; r++) {
    const d = m.rNode0[r]!;
    if (m.rLock[r] === v && m.rNode1[r]! < 0 && m.kind[d] === KIND_DELIVERY && m.partner[d]! < 0)
      if (!head.includes(d)) onboard.push(d);
  }
  const partners = head
    .filter((n) => m.kind[n] === KIND_PICKUP && !head.includes(m.partner[n]!))
    .map((n) => m.partner[n]!);
  const breaks = m.vBreaks[v]!.filter((b) => !head.includes(b));
  const tails = [
    [...onboard, ...partners, ...breaks],
    [...partners, ...onboard, ...breaks],
    [...breaks, ...onboard, ...partners],
  ];
  const fits = (): boolean =>
    tails.some((t) => {
      const seq = [...head, ...t];
      return evaluateRoute(m, v, seq, seq.length, head.length) < Number.POSITIVE_INFINITY;
    });
  if (fits()) return;
  const INF = Number.POSITIVE_INFINITY;
  m.vTwB[v] = INF;
  m.vMaxTT[v] = INF;
  m.vMaxDist[v] = INF;
  m.vMaxDur[v] = INF;
  m.vExactOK[v] = 0;
  for (const b of breaks)
    for (let k = m.twOff[b]!; k < m.twOff[b + 1]!; k++) {
      m.tw[2 * k] = 0;
      m.tw[2 * k + 1] = INF;
    }
  let tasks = 0;
  for (const n of [...head, ...onboard, ...partners]) if (m.kind[n] !== KIND_BREAK) tasks++;
  m.vMaxTasks[v] = Math.max(tasks, 0);
}

/**
 * A frozen head (locked steps: the driver is already on the way) can make a break's window
 * unreachable. Such a break closes its window at the soonest it can start right after the head:
 * taken as soon as possible, and the output declares the delay.
 */
function relaxLateBreaks(m: Model): void {
  const INF = Number.POSITIVE_INFINITY;
  for (let v = 0; v < m.V; v++) {
    const head = m.vLocked[v]!;
    const breaks = m.vBreaks[v]!.filter((b) => !head.includes(b));
    if (head.length === 0 || breaks.length === 0) continue;
    const partners = head
      .filter((n) => m.kind[n] === KIND_PICKUP && !head.includes(m.partner[n]!))
      .map((n) => m.partner[n]!);
    const fits = () =>
      [
        [...head, ...breaks, ...partners],
        [...head, ...partners, ...breaks],
      ].some((seq) => evaluateRoute(m, v, seq, seq.length, head.length) < INF);
    if (fits()) continue;
    const saved = breaks.map((b) => m.tw.slice(2 * m.twOff[b]!, 2 * m.twOff[b + 1]!));
    for (const b of breaks)
      for (let k = m.twOff[b]!; k < m.twOff[b + 1]!; k++) {
        m.tw[2 * k] = 0;
        m.tw[2 * k + 1] = INF;
      }
    const buf = [...head, ...breaks, ...partners];
    if (!fits() || evaluateRoute(m, v, buf, buf.length, head.length) === INF) {
      // late breaks are not (all) of the trouble: leave the windows as they were
      for (const [i, b] of breaks.entries()) m.tw.set(saved[i]!, 2 * m.twOff[b]!);
      continue;
    }
    breaks.forEach((b, i) => {
      const soonest = sched.B[head.length + i + 1]!;
      const k0 = m.twOff[b]!;
      const opens = saved[i]![0] ?? 0;
      m.tw[2 * k0] = Math.min(opens, soonest);
      m.tw[2 * k0 + 1] = soonest;
      for (let k = k0 + 1; k < m.twOff[b + 1]!; k++) {
        m.tw[2 * k] = soonest;
        m.tw[2 * k + 1] = soonest;
      }
    });
  }
}
