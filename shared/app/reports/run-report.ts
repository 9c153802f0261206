import type { Alert } from '../../domain/entities/alert';
import type { Driver } from '../../domain/entities/driver';
import type { OutboxMessage } from '../../domain/entities/outbox-message';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { registryKinds } from '../../domain/registry';
import type { Ports } from '../../ports/ports';
import { requireHromada } from '../registry';
import { type Table, toCsv } from './csv';
import { feedbackReport, feedbackTable } from './feedback-report';
import { onTimeReportFromDays, onTimeTable } from './on-time-report';
import { operationsReport, operationsTable } from './operations-report';
import { type PeriodDays, periodDays, requestsOf } from './report-days';
import { periodBounds, periodDates, type ReportPeriod } from './report-period';
import { smsReport, smsTable } from './sms-report';
import { strategyReport, strategyTable } from './strategy-report';
import { tripsReportFromDays, tripsTable } from './trips-report';

export const reportNames = ['trips', 'on-time', 'sms', 'feedback', 'operations', 'strategy'] as const;
export type ReportName = (typeof reportNames)[number];

type ReportPorts = Pick<Ports, 'entities' | 'outbox'>;

/** A report, as JSON and as the table its CSV is written from. */
export interface ReportResult {
  report: object;
  table: Table;
}

/** Pattern 5 once per date of the period (at most 92 queries), a few days at a time. */
async function requestsFlat(
  ports: ReportPorts,
  hromadaId: string,
  dates: string[],
): Promise<ServiceRequest[]> {
  return (await requestsOf(ports, hromadaId, dates)).flat();
}

/** Pattern 2, every page. */
async function listAll<T>(page: (cursor?: string) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const got = await page(cursor);
    all.push(...got.items);
    cursor = got.next;
  } while (cursor);
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
  const lateCancelHours = hromada.rules.lateCancelHours;
  const days = () => periodDays(ports, hromadaId, dates, lateCancelHours);
  switch (name) {
    case 'trips': {
      const period = await days();
      const report = {
        ...tripsReportFromDays({ ...input, lateCancelHours }, period.days),
        ...sources(period),
      };
      return { report, table: tripsTable(report) };
    }
    case 'on-time': {
      const period = await days();
      const report = { ...onTimeReportFromDays(input, period.days), ...sources(period) };
      return { report, table: onTimeTable(report) };
    }
    case 'operations': {
      const [period, vehicles, drivers] = await Promise.all([
        days(),
        listAll((cursor) =>
          ports.entities.registry.list(registryKinds.vehicles, hromadaId, { limit: 200, cursor }),
        ),
        listAll((cursor) =>
          ports.entities.registry.list(registryKinds.drivers, hromadaId, { limit: 200, cursor }),
        ),
      ]);
      const byId = new Map(vehicles.map((v) => [v.id, v]));
      const report = {
        ...operationsReport(input, period.days, byId, driversOfVehicles(drivers)),
        ...sources(period),
      };
      return { report, table: operationsTable(report) };
    }
    case 'strategy': {
      const [period, settlements, residents] = await Promise.all([
        days(),
        listAll((cursor) =>
          ports.entities.registry.list(registryKinds.settlements, hromadaId, { limit: 200, cursor }),
        ),
        listAll((cursor) =>
          ports.entities.registry.list(registryKinds.residents, hromadaId, { limit: 200, cursor }),
        ),
      ]);
      const report = { ...strategyReport(input, period.days, settlements, residents), ...sources(period) };
      return { report, table: strategyTable(report) };
    }
    case 'sms': {
      const bounds = periodBounds(period);
      const messages = await messagesSince(ports, hromadaId, bounds.start);
      const report = smsReport({ ...input, bounds, price: smsPricePerSegmentUsd }, messages);
      return { report, table: smsTable(report) };
    }
    case 'feedback': {
      const requests = await requestsFlat(ports, hromadaId, dates);
      const report = feedbackReport(input, requests, await alertsOf(ports, hromadaId, dates));
      return { report, table: feedbackTable(report) };
    }
  }
}

/** Each vehicle's driver as the route SMS finds it (route-messages.ts): the first active one listing it. */
function driversOfVehicles(drivers: readonly Driver[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of drivers) {
    if (!d.active) continue;
    for (const v of d.vehicleIds) if (!out.has(v)) out.set(v, d.id);
  }
  return out;
}

/** Where the days came from: stored aggregates (RP2) or, for days without one, the requests. */
const sources = (p: PeriodDays) => ({ daysAggregated: p.aggregated, daysFromRequests: p.fromRequests });

export { toCsv };
