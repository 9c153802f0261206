import type { ServiceRequest } from '../../domain/entities/service-request';
import {
  countKey,
  type Punctuality,
  punctualities,
  type ReportDay,
  reportDayFromRequests,
} from '../../domain/report-day';
import type { Table } from './csv';
import type { ReportPeriod } from './report-period';
import { groupsOf } from './trips-report';

/** How the done pickups and visits of one group kept their agreed window. */
export interface OnTimeCounts {
  done: number;
  onTime: number;
  early: number;
  late: number;
  /** Done without an actual pickup time (a ride marked done without on board, older requests). */
  unknown: number;
  /** onTime ÷ (onTime + early + late), two decimals; null when no time is known. */
  onTimeShare: number | null;
}

export interface OnTimeReport extends ReportPeriod {
  hromadaId: string;
  totals: OnTimeCounts;
  byService: Array<{ serviceType: string } & OnTimeCounts>;
}

function countsOf(days: readonly ReportDay[], services: readonly string[]): OnTimeCounts {
  const by: Record<Punctuality, number> = { onTime: 0, early: 0, late: 0, unknown: 0 };
  for (const day of days) {
    for (const s of services)
      for (const p of punctualities) by[p] += day.counts[countKey.punctuality(p, s)] ?? 0;
  }
  const known = by.onTime + by.early + by.late;
  return {
    done: known + by.unknown,
    ...by,
    onTimeShare: known > 0 ? Math.round((by.onTime / known) * 100) / 100 : null,
  };
}

/**
 * On time: the actual pickup (a ride's on board) or arrival (a visit's or delivery's done), as
 * recorded by the driver's `N OK` or the dispatcher, within the agreed window.
 */
export function onTimeReportFromDays(
  input: { hromadaId: string; period: ReportPeriod },
  days: readonly ReportDay[],
): OnTimeReport {
  const services = groupsOf(days, 's').sort();
  return {
    hromadaId: input.hromadaId,
    ...input.period,
    totals: countsOf(days, services),
    byService: services.map((s) => ({ serviceType: s, ...countsOf(days, [s]) })),
  };
}

/** The same from the requests themselves (a day without a stored aggregate; tests). */
export function onTimeReport(
  input: { hromadaId: string; period: ReportPeriod },
  requests: readonly ServiceRequest[],
): OnTimeReport {
  const day = reportDayFromRequests(input.hromadaId, input.period.from, requests, {
    lateCancelHours: 0,
    residentSettlement: new Map(),
  });
  return onTimeReportFromDays(input, [day]);
}

const cells = (c: OnTimeCounts) => [c.done, c.onTime, c.early, c.late, c.unknown, c.onTimeShare];

export function onTimeTable(report: OnTimeReport): Table {
  return {
    headers: [
      'Послуга',
      'Виконано',
      'Вчасно',
      'Раніше вікна',
      'Пізніше вікна',
      'Час невідомий',
      'Частка вчасних',
    ],
    rows: [
      ...report.byService.map((s) => [s.serviceType, ...cells(s)]),
      [`Разом ${report.from} – ${report.to}`, ...cells(report.totals)],
    ],
  };
}
