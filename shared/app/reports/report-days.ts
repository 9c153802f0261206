import type { ServiceRequest } from '../../domain/entities/service-request';
import { registryKinds } from '../../domain/registry';
import { type ReportDay, reportDayFromRequests } from '../../domain/report-day';
import type { Ports } from '../../ports/ports';

type ReportPorts = Pick<Ports, 'entities'>;

/** Pattern 5 once per date, a few days at a time. */
export async function requestsOf(ports: ReportPorts, hromadaId: string, dates: string[]) {
  const all: ServiceRequest[][] = [];
  for (let i = 0; i < dates.length; i += 8) {
    all.push(
      ...(await Promise.all(dates.slice(i, i + 8).map((d) => ports.entities.requests.forDay(hromadaId, d)))),
    );
  }
  return all;
}

/** The residents' settlements, for pickups that name none: one GetItem per such resident. */
export async function residentSettlements(ports: ReportPorts, hromadaId: string, requests: ServiceRequest[]) {
  const ids = [...new Set(requests.filter((r) => !r.pickup.settlementId).map((r) => r.residentId))];
  const found = await Promise.all(
    ids.map((id) => ports.entities.registry.get(registryKinds.residents, hromadaId, id)),
  );
  return new Map(found.flatMap((r) => (r ? [[r.id, r.settlementId] as const] : [])));
}

/** The period's days as the reports read them, and how many came from their stored aggregate. */
export interface PeriodDays {
  days: ReportDay[];
  /** Days read from `REPORTDAY#<date>` (RP2). */
  aggregated: number;
  /** Days without one, counted from their requests (pattern 5): before report days existed. */
  fromRequests: number;
}

/**
 * RP2 (one Query for the whole period), then, for each date without a stored day, its requests
 * (pattern 5) counted the same way. A day with an aggregate is read from it alone: requests
 * written before report days existed and never written since are not in it.
 */
export async function periodDays(
  ports: ReportPorts,
  hromadaId: string,
  dates: string[],
  lateCancelHours: number,
): Promise<PeriodDays> {
  const from = dates[0];
  const to = dates.at(-1);
  if (!from || !to) return { days: [], aggregated: 0, fromRequests: 0 };
  const stored = await ports.entities.reportDays.between(hromadaId, from, to);
  const have = new Set(stored.map((d) => d.date));
  const missing = dates.filter((d) => !have.has(d));
  const perDay = await requestsOf(ports, hromadaId, missing);
  const residentSettlement = await residentSettlements(ports, hromadaId, perDay.flat());
  const computed = missing.map((date, i) =>
    reportDayFromRequests(hromadaId, date, perDay[i] ?? [], { lateCancelHours, residentSettlement }),
  );
  const days = [...stored, ...computed].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { days, aggregated: stored.length, fromRequests: missing.length };
}
