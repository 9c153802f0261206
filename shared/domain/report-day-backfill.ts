/**
 * Counting, once, the requests written before report days existed (they carry no `reportedAs`):
 * each is counted exactly as a new request is at its create (`counted`, then `requestReportDeltas`
 * with `created`), so the backfill and every later write agree on the bucket. Pure.
 *
 * A legacy cancellation without `cancelKind` gets it here, decided as the reports decided it (the
 * hromada's `lateCancelHours` against its last update): from then on every path reads the same
 * early or late. Nothing else on the request changes (its `updatedAt` is that cancellation's time).
 */
import type { ServiceRequest } from './entities/service-request';
import { isLateCancel } from './late-cancel';
import { counted, mergeDeltas, type ReportDayDelta, requestReportDeltas } from './report-day';

export interface BackfillOptions {
  lateCancelHours: number;
  /** The resident's settlement, for a pickup that names none (as at booking). */
  residentSettlement: ReadonlyMap<string, string>;
}

/** Requests never counted: the ones to backfill. */
export const uncounted = (requests: readonly ServiceRequest[]) => requests.filter((r) => !r.reportedAs);

/** The never-counted requests marked with their bucket, and what they add to their days. */
export function backfillRequests(
  requests: readonly ServiceRequest[],
  options: BackfillOptions,
): { requests: ServiceRequest[]; deltas: ReportDayDelta[] } {
  const marked: ServiceRequest[] = [];
  const deltas: ReportDayDelta[] = [];
  for (const r of uncounted(requests)) {
    const kind =
      r.status === 'cancelled' && !r.cancelKind
        ? { cancelKind: isLateCancel(r, options.lateCancelHours) ? ('late' as const) : ('early' as const) }
        : {};
    const fixed = { ...r, ...kind };
    const settlement = fixed.pickup.settlementId ?? options.residentSettlement.get(r.residentId);
    const moved = requestReportDeltas(counted(fixed, settlement), { created: true });
    marked.push(moved.request);
    deltas.push(...moved.deltas);
  }
  return { requests: marked, deltas: mergeDeltas(deltas) };
}
