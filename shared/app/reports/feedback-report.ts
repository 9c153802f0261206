import type { Alert } from '../../domain/entities/alert';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { Table } from './csv';
import type { ReportPeriod } from './report-period';

/**
 * Residents' feedback over a period, from stored data: the ratings (1–5) stored on the period's
 * requests, and the complaints (alerts of kind `complaint`, texts sent after a rating).
 */
export interface FeedbackReport extends ReportPeriod {
  hromadaId: string;
  /** Requests whose resident was asked for a rating. */
  asked: number;
  /** Requests rated. */
  rated: number;
  /** Mean rating, two decimals; null when nothing was rated. */
  averageRating: number | null;
  /** How many of each rating, 1 to 5. */
  ratings: Record<'1' | '2' | '3' | '4' | '5', number>;
  complaints: number;
}

export function feedbackReport(
  input: { hromadaId: string; period: ReportPeriod },
  requests: readonly ServiceRequest[],
  alerts: readonly Alert[],
): FeedbackReport {
  const ratings = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let sum = 0;
  let rated = 0;
  for (const r of requests) {
    if (!r.feedback) continue;
    ratings[String(r.feedback.rating) as keyof typeof ratings] += 1;
    sum += r.feedback.rating;
    rated += 1;
  }
  return {
    hromadaId: input.hromadaId,
    ...input.period,
    asked: requests.filter((r) => r.feedbackAskedAt).length,
    rated,
    averageRating: rated > 0 ? Math.round((sum / rated) * 100) / 100 : null,
    ratings,
    complaints: alerts.filter((a) => a.kind === 'complaint').length,
  };
}

export function feedbackTable(report: FeedbackReport): Table {
  return {
    headers: ['Період', 'Запитано', 'Оцінено', 'Середня оцінка', '1', '2', '3', '4', '5', 'Скарги'],
    rows: [
      [
        `${report.from} – ${report.to}`,
        report.asked,
        report.rated,
        report.averageRating,
        ...(['1', '2', '3', '4', '5'] as const).map((k) => report.ratings[k]),
        report.complaints,
      ],
    ],
  };
}
