import { mergeDeltas, plannedOf, type ReportDayDelta, requestReportDeltas } from '../domain/report-day';
import type { Change } from '../ports/entity-repository';

/**
 * The report days a change set moves, added to it (pattern RP1): both adapters call this in
 * `commit`, so every path that writes a request (an outcome, a cancel, an edit, a driver's SMS,
 * the plan following) or publishes a plan keeps its day's counters in the same transaction,
 * and no use case can forget to. Each request written carries the bucket it is now counted in
 * (`reportedAs`); a published plan sets its date's planned routes. One `report-day` change per
 * day (a transaction takes one operation per item).
 */
export function withReportDays(changes: readonly Change[]): Change[] {
  const deltas: ReportDayDelta[] = [];
  const out = changes.map((c): Change => {
    if ((c.op === 'create' || c.op === 'update') && c.entity === 'ServiceRequest') {
      const { request, deltas: moved } = requestReportDeltas(c.item, { created: c.op === 'create' });
      deltas.push(...moved);
      return request.reportedAs === c.item.reportedAs ? c : { ...c, item: request };
    }
    if ((c.op === 'create' || c.op === 'update') && c.entity === 'Plan' && c.item.status === 'published') {
      const plan = c.item;
      deltas.push({
        hromadaId: plan.hromadaId,
        date: plan.date,
        add: {},
        sets: {},
        planned: plannedOf(plan),
      });
    }
    return c;
  });
  return [...out, ...mergeDeltas(deltas).map((delta): Change => ({ op: 'report-day', delta }))];
}
