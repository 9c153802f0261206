import type { ServiceRequest } from '../../domain/entities/service-request';
import { isLateCancel } from '../../domain/late-cancel';
import {
  countKey,
  type ReportDay,
  type ReportOutcome,
  reportDayFromRequests,
  reportOutcomes,
} from '../../domain/report-day';
import type { Table } from './csv';
import type { ReportPeriod } from './report-period';

/** What became of the trips of one group. */
export interface TripCounts {
  requests: number;
  done: number;
  noShow: number;
  /** Cancelled `lateCancelHours` or more before the window start. */
  cancelledEarly: number;
  /** Cancelled less than `lateCancelHours` before the window start (or after it). */
  cancelledLate: number;
  /** Not final yet (requested … on board). */
  open: number;
}

export interface TripsReport extends ReportPeriod {
  hromadaId: string;
  lateCancelHours: number;
  totals: TripCounts;
  byService: Array<{ serviceType: string } & TripCounts>;
  /** By the pickup's settlement (the resident's when the pickup names none); `null`: unknown. */
  bySettlement: Array<{ settlementId: string | null } & TripCounts>;
}

const empty = (): TripCounts => ({
  requests: 0,
  done: 0,
  noShow: 0,
  cancelledEarly: 0,
  cancelledLate: 0,
  open: 0,
});

export { isLateCancel };

/** The counts of one group from a day's counters (`key(outcome)` names the group's counter). */
function countsOf(days: readonly ReportDay[], key: (o: ReportOutcome) => string): TripCounts {
  const c = empty();
  for (const day of days) {
    for (const o of reportOutcomes) c[o] += day.counts[key(o)] ?? 0;
  }
  c.requests = c.done + c.noShow + c.cancelledEarly + c.cancelledLate + c.open;
  return c;
}

/** The groups named by the days' counters `n|<outcome>|<dimension>|<value>`. */
export function groupsOf(days: readonly ReportDay[], dimension: 's' | 'p'): string[] {
  const found = new Set<string>();
  for (const day of days) {
    for (const [k, n] of Object.entries(day.counts)) {
      const [kind, , dim, value] = k.split('|');
      if (kind === 'n' && dim === dimension && n !== 0 && value !== undefined) found.add(value);
    }
  }
  return [...found];
}

/** Count the period's requests by outcome, service and settlement, from its days' counters. */
export function tripsReportFromDays(
  input: { hromadaId: string; period: ReportPeriod; lateCancelHours: number },
  days: readonly ReportDay[],
): TripsReport {
  const services = groupsOf(days, 's').sort();
  const settlements = groupsOf(days, 'p').sort((a, b) => (a === '-' ? 1 : b === '-' ? -1 : a < b ? -1 : 1));
  const byService = services.map((s) => ({
    serviceType: s,
    ...countsOf(days, (o) => countKey.byService(o, s)),
  }));
  const totals = empty();
  for (const s of byService)
    for (const k of Object.keys(totals) as Array<keyof TripCounts>) totals[k] += s[k];
  return {
    hromadaId: input.hromadaId,
    ...input.period,
    lateCancelHours: input.lateCancelHours,
    totals,
    byService,
    bySettlement: settlements.map((p) => ({
      settlementId: p === '-' ? null : p,
      ...countsOf(days, (o) => countKey.bySettlement(o, p)),
    })),
  };
}

/**
 * Count the period's requests by outcome, service and settlement. `residentSettlement` gives the
 * resident's settlement for a pickup without one.
 */
export function tripsReport(
  input: { hromadaId: string; period: ReportPeriod; lateCancelHours: number },
  requests: readonly ServiceRequest[],
  residentSettlement: ReadonlyMap<string, string>,
): TripsReport {
  const day = reportDayFromRequests(input.hromadaId, input.period.from, requests, {
    lateCancelHours: input.lateCancelHours,
    residentSettlement,
  });
  return tripsReportFromDays(input, [day]);
}

const COUNT_HEADERS = [
  'Заявок',
  'Виконано',
  'Неявка',
  'Скасовано вчасно',
  'Скасовано пізно',
  'Не завершено',
] as const;

const countCells = (c: TripCounts) => [
  c.requests,
  c.done,
  c.noShow,
  c.cancelledEarly,
  c.cancelledLate,
  c.open,
];

/** One row per service, then per settlement, then the total. */
export function tripsTable(report: TripsReport): Table {
  return {
    headers: ['Розріз', 'Значення', ...COUNT_HEADERS],
    rows: [
      ...report.byService.map((s) => ['Послуга', s.serviceType, ...countCells(s)]),
      ...report.bySettlement.map((s) => ['Населений пункт', s.settlementId ?? 'невідомо', ...countCells(s)]),
      ['Разом', `${report.from} – ${report.to}`, ...countCells(report.totals)],
    ],
  };
}
