import type { ServiceRequest } from '../../domain/entities/service-request';
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

/**
 * Late: as recorded at the cancellation (`cancelKind`); for a request cancelled before that was
 * recorded, the cancellation (its last update: a cancelled request never changes again) came less
 * than `lateCancelHours` before the agreed window started.
 */
export function isLateCancel(request: ServiceRequest, lateCancelHours: number): boolean {
  if (request.cancelKind) return request.cancelKind === 'late';
  const lead = Date.parse(request.window.start) - Date.parse(request.updatedAt);
  return lead < lateCancelHours * 3_600_000;
}

function outcomeOf(r: ServiceRequest, lateCancelHours: number): keyof TripCounts {
  if (r.status === 'done') return 'done';
  if (r.status === 'no-show') return 'noShow';
  if (r.status === 'cancelled') return isLateCancel(r, lateCancelHours) ? 'cancelledLate' : 'cancelledEarly';
  return 'open';
}

function add(counts: TripCounts, outcome: keyof TripCounts): void {
  counts.requests += 1;
  counts[outcome] += 1;
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
  const totals = empty();
  const byService = new Map<string, TripCounts>();
  const bySettlement = new Map<string | null, TripCounts>();
  for (const r of requests) {
    const outcome = outcomeOf(r, input.lateCancelHours);
    const settlement = r.pickup.settlementId ?? residentSettlement.get(r.residentId) ?? null;
    add(totals, outcome);
    add(getOr(byService, r.serviceType), outcome);
    add(getOr(bySettlement, settlement), outcome);
  }
  return {
    hromadaId: input.hromadaId,
    ...input.period,
    lateCancelHours: input.lateCancelHours,
    totals,
    byService: sorted(byService).map(([serviceType, c]) => ({ serviceType, ...c })),
    bySettlement: sorted(bySettlement).map(([settlementId, c]) => ({ settlementId, ...c })),
  };
}

function getOr<K>(map: Map<K, TripCounts>, key: K): TripCounts {
  const found = map.get(key);
  if (found) return found;
  const created = empty();
  map.set(key, created);
  return created;
}

function sorted<K extends string | null>(map: Map<K, TripCounts>): Array<[K, TripCounts]> {
  // unknown (null) last
  return [...map].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
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
