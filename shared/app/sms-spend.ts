import { fromMicroUsd } from '../domain/sms-spend';
import { localDate } from '../domain/time';
import type { Ports } from '../ports/ports';
import { requireHromada } from './registry';

export interface SmsMonthReport {
  month: string;
  segments: number;
  /** Segments × the deployment's price per segment, counted at send time. */
  estimatedUsd: number;
  /** What the carriers' receipts reported (End User Messaging; 0 with SNS, which sends none). */
  receiptsUsd: number;
  /** The hromada's monthly cap (null: none) and what is left of it. */
  capUsd: number | null;
  remainingUsd: number | null;
  /** Messages a cap held back: reported here and in the message log, never silently dropped. */
  heldBack: { daily: number; monthly: number };
}

/** A hromada's SMS month (default: this Kyiv month): one counter item, no scan. */
export async function readSmsMonth(
  ports: Pick<Ports, 'entities' | 'outbox' | 'clock'>,
  hromadaId: string,
  month = localDate(ports.clock.now()).slice(0, 7),
): Promise<SmsMonthReport> {
  const hromada = await requireHromada(ports, hromadaId);
  const counter = await ports.outbox.smsMonth(hromadaId, month);
  const cap = hromada.rules.monthlySmsSpendCapUsd ?? null;
  const estimatedUsd = fromMicroUsd(counter.estimatedMicroUsd);
  return {
    month,
    segments: counter.segments,
    estimatedUsd,
    receiptsUsd: fromMicroUsd(counter.receiptsMicroUsd),
    capUsd: cap,
    remainingUsd: cap === null ? null : Math.max(0, Math.round((cap - estimatedUsd) * 1e6) / 1e6),
    heldBack: { daily: counter.heldBackDaily, monthly: counter.heldBackMonthly },
  };
}
