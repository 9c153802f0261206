import type { Table } from './csv';
import type { ReportPeriod } from './report-period';

export const FEEDBACK_NOTE = 'Відгуки мешканців ще не збираються.';

/** Residents' feedback: not collected yet, so the field is null. */
export interface FeedbackReport extends ReportPeriod {
  hromadaId: string;
  feedback: null;
  note: string;
}

export function feedbackReport(input: { hromadaId: string; period: ReportPeriod }): FeedbackReport {
  return { hromadaId: input.hromadaId, ...input.period, feedback: null, note: FEEDBACK_NOTE };
}

export function feedbackTable(report: FeedbackReport): Table {
  return {
    headers: ['Період', 'Відгуки', 'Примітка'],
    rows: [[`${report.from} – ${report.to}`, report.feedback, report.note]],
  };
}
