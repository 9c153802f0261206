import type { Alert } from '../../domain/entities/alert';
import type { OutboxMessage } from '../../domain/entities/outbox-message';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { registryKinds } from '../../domain/registry';
import type { Ports } from '../../ports/ports';
import { requireHromada } from '../registry';
import { type Table, toCsv } from './csv';
import { feedbackReport, feedbackTable } from './feedback-report';
import { onTimeReport, onTimeTable } from './on-time-report';
import { periodBounds, periodDates, type ReportPeriod } from './report-period';
import { smsReport, smsTable } from './sms-report';
import { tripsReport, tripsTable } from './trips-report';

export const reportNames = ['trips', 'on-time', 'sms', 'feedback'] as const;
export type ReportName = (typeof reportNames)[number];

type ReportPorts = Pick<Ports, 'entities' | 'outbox'>;

/** A report, as JSON and as the table its CSV is written from. */
export interface ReportResult {
  report: object;
  table: Table;
}

/** Pattern 5 once per date of the period (at most 92 queries), a few days at a time. */
async function requestsOf(ports: ReportPorts, hromadaId: string, dates: string[]): Promise<ServiceRequest[]> {
  const all: ServiceRequest[] = [];
  for (let i = 0; i < dates.length; i += 8) {
    const days = await Promise.all(
      dates.slice(i, i + 8).map((d) => ports.entities.requests.forDay(hromadaId, d)),
    );
    for (const day of days) all.push(...day);
  }
  return all;
}

/** Pattern A1 (every page) once per date of the period, a few days at a time. */
async function alertsOf(ports: ReportPorts, hromadaId: string, dates: string[]): Promise<Alert[]> {
  const day = async (date: string) => {
    const out: Alert[] = [];
    let cursor: string | undefined;
    do {
      const page = await ports.entities.alerts.forDay(hromadaId, date, undefined, { limit: 200, cursor });
      out.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return out;
  };
  const all: Alert[] = [];
  for (let i = 0; i < dates.length; i += 8) {
    for (const alerts of await Promise.all(dates.slice(i, i + 8).map(day))) all.push(...alerts);
  }
  return all;
}

/** The residents' settlements, for pickups that name none: one GetItem per such resident. */
async function residentSettlements(ports: ReportPorts, hromadaId: string, requests: ServiceRequest[]) {
  const ids = [...new Set(requests.filter((r) => !r.pickup.settlementId).map((r) => r.residentId))];
  const found = await Promise.all(
    ids.map((id) => ports.entities.registry.get(registryKinds.residents, hromadaId, id)),
  );
  return new Map(found.flatMap((r) => (r ? [[r.id, r.settlementId] as const] : [])));
}

/** Pattern 7, newest first, until a page reaches back before the period's start. */
async function messagesSince(ports: ReportPorts, hromadaId: string, start: string): Promise<OutboxMessage[]> {
  const all: OutboxMessage[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.outbox.listByHromada(hromadaId, { limit: 200, cursor });
    all.push(...page.items);
    const oldest = page.items.at(-1);
    cursor = oldest && oldest.createdAt >= start ? page.next : undefined;
  } while (cursor);
  return all;
}

/**
 * One report of a hromada for a period of local dates (at most 92 days). Reads per day (the
 * requests) and the message log back to the period's start: no table scan.
 */
export async function runReport(
  ports: ReportPorts,
  hromadaId: string,
  name: ReportName,
  period: ReportPeriod,
  smsPricePerSegmentUsd: number,
): Promise<ReportResult> {
  const dates = periodDates(period);
  const hromada = await requireHromada(ports, hromadaId);
  const input = { hromadaId, period: { from: period.from, to: period.to } };
  switch (name) {
    case 'trips': {
      const requests = await requestsOf(ports, hromadaId, dates);
      const settlements = await residentSettlements(ports, hromadaId, requests);
      const lateCancelHours = hromada.rules.lateCancelHours;
      const report = tripsReport({ ...input, lateCancelHours }, requests, settlements);
      return { report, table: tripsTable(report) };
    }
    case 'on-time': {
      const report = onTimeReport(input, await requestsOf(ports, hromadaId, dates));
      return { report, table: onTimeTable(report) };
    }
    case 'sms': {
      const bounds = periodBounds(period);
      const messages = await messagesSince(ports, hromadaId, bounds.start);
      const report = smsReport({ ...input, bounds, price: smsPricePerSegmentUsd }, messages);
      return { report, table: smsTable(report) };
    }
    case 'feedback': {
      const requests = await requestsOf(ports, hromadaId, dates);
      const report = feedbackReport(input, requests, await alertsOf(ports, hromadaId, dates));
      return { report, table: feedbackTable(report) };
    }
  }
}

export { toCsv };
