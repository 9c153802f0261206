import type { ServiceRequest } from '../../domain/entities/service-request';
import type { Table } from './csv';
import type { ReportPeriod } from './report-period';

/**
 * Why the share is not computed: a request keeps only `updatedAt` of its last move. For a ride
 * that is the drop-off (`done`), not the pickup (`on-board`, whose time only the audit trail has),
 * and a dispatcher may enter any outcome hours later. The actual pickup time is not stored.
 */
export const ON_TIME_NOTE =
  'Фактичний час посадки не зберігається: заявка має лише час останньої зміни статусу. Частку вчасних подач не обчислено.';

export interface OnTimeReport extends ReportPeriod {
  hromadaId: string;
  /** Done pickups and visits in the period. */
  done: number;
  /** Null: the actual time is not in the data (see `note`). */
  onTime: null;
  onTimeShare: null;
  note: string;
}

export function onTimeReport(
  input: { hromadaId: string; period: ReportPeriod },
  requests: readonly ServiceRequest[],
): OnTimeReport {
  return {
    hromadaId: input.hromadaId,
    ...input.period,
    done: requests.filter((r) => r.status === 'done').length,
    onTime: null,
    onTimeShare: null,
    note: ON_TIME_NOTE,
  };
}

export function onTimeTable(report: OnTimeReport): Table {
  return {
    headers: ['Період', 'Виконано', 'Вчасно', 'Частка вчасних', 'Примітка'],
    rows: [[`${report.from} – ${report.to}`, report.done, report.onTime, report.onTimeShare, report.note]],
  };
}
