/**
 * `npm run backfill:report-days`: the report days (RP1) of a period, for the days written before
 * report days existed. For each date: its never-counted requests (pattern 5, no `reportedAs`) are
 * counted with the same pure deltas as a create (domain/report-day-backfill.ts) and marked, a few
 * dozen per transaction with their audit entries (a request's version condition guards a write in
 * between); a day without planned routes takes them from its published plan (pattern 19).
 * Idempotent: a second run finds nothing uncounted and every planned day set, and writes nothing.
 */
import type { Actor } from '../../domain/actor';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { plannedOf, type ReportDayDelta } from '../../domain/report-day';
import { backfillRequests, uncounted } from '../../domain/report-day-backfill';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { requireHromada } from '../registry';
import { residentSettlements } from './report-days';
import { periodDates, type ReportPeriod } from './report-period';

type BackfillPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/** Requests per transaction: each with its audit entry, and the day's one counter item (≤ 100). */
const CHUNK = 45;

export interface BackfillResult {
  dates: number;
  /** Requests counted now (never counted before). */
  requests: number;
  /** Days given their planned routes from the published plan. */
  plannedDays: number;
  /** Transactions written (0 on a second run). */
  transactions: number;
}

export async function backfillReportDays(
  ports: BackfillPorts,
  hromadaId: string,
  period: ReportPeriod,
  actor: Actor,
): Promise<BackfillResult> {
  const dates = periodDates(period);
  const hromada = await requireHromada(ports, hromadaId);
  const stored = await ports.entities.reportDays.between(hromadaId, period.from, period.to);
  const planned = new Set(stored.filter((d) => d.planned !== null).map((d) => d.date));
  const result: BackfillResult = { dates: dates.length, requests: 0, plannedDays: 0, transactions: 0 };
  for (const date of dates) {
    const todo = uncounted(await ports.entities.requests.forDay(hromadaId, date));
    const residentSettlement = await residentSettlements(ports, hromadaId, todo);
    let routes = planned.has(date) ? undefined : await publishedRoutes(ports, hromadaId, date);
    for (let i = 0; i < todo.length || routes; i += CHUNK) {
      const chunk = todo.slice(i, i + CHUNK);
      const counted = backfillRequests(chunk, {
        lateCancelHours: hromada.rules.lateCancelHours,
        residentSettlement,
      });
      const deltas = withPlanned(counted.deltas, hromadaId, date, routes);
      if (routes) result.plannedDays += 1;
      routes = undefined;
      await ports.entities.commit([
        ...counted.requests.map((r, k) => update(r, chunk[k]!)),
        ...chunk.map((r) => auditChange(ports, hromada, actor, 'update', 'ServiceRequest', r.id, changed(r))),
        ...deltas.map((delta): Change => ({ op: 'report-day', delta })),
      ]);
      result.requests += chunk.length;
      result.transactions += 1;
    }
  }
  return result;
}

async function publishedRoutes(ports: BackfillPorts, hromadaId: string, date: string) {
  const plan = await ports.entities.plans.forDay(hromadaId, date);
  return plan?.status === 'published' ? plannedOf(plan) : undefined;
}

/** The day's planned routes ride on its one counter change (one operation per item). */
function withPlanned(
  deltas: ReportDayDelta[],
  hromadaId: string,
  date: string,
  routes: ReportDayDelta['planned'],
): ReportDayDelta[] {
  if (!routes) return deltas;
  const own = deltas.find((d) => d.date === date);
  if (own) return deltas.map((d) => (d === own ? { ...d, planned: routes } : d));
  return [...deltas, { hromadaId, date, add: {}, sets: {}, planned: routes }];
}

/** The marked request at the next version; its `updatedAt` stays (a legacy cancellation's time). */
const update = (marked: ServiceRequest, read: ServiceRequest): Change => ({
  op: 'update',
  entity: 'ServiceRequest',
  item: { ...marked, version: read.version + 1 },
  expectedVersion: read.version,
});

const changed = (r: ServiceRequest) =>
  r.status === 'cancelled' && !r.cancelKind ? ['reportedAs', 'cancelKind'] : ['reportedAs'];
