/**
 * Price of one SMS segment to a Ukrainian number, USD, for the spend metric (SmsSpendUsd). A
 * PLACEHOLDER, not a quoted price: set the deployment's `smsPricePerSegmentUsd` from the AWS End
 * User Messaging SMS pricing page (destination Ukraine) or the bill. The account's monthly spend
 * limit is the real ceiling; this number estimates each send against the hromada's own cap.
 */
export const DEFAULT_SMS_PRICE_PER_SEGMENT_USD = 0.05;

/**
 * A hromada's SMS spending in one Kyiv calendar month: kept as a counter item, written with the
 * sends and receipts that move it (docs/data-model.md), so reading it never scans messages.
 * Money is counted in micro-dollars (integers) so that sums are exact.
 */
export interface SmsMonthCounter {
  segments: number;
  /** Segments × the deployment's price per segment, at send time. */
  estimatedMicroUsd: number;
  /** The prices the carriers' receipts reported (End User Messaging only). */
  receiptsMicroUsd: number;
  /** Messages not sent because a cap was reached: the day's segment cap, the month's spend cap. */
  heldBackDaily: number;
  heldBackMonthly: number;
}

export const EMPTY_SMS_MONTH: SmsMonthCounter = {
  segments: 0,
  estimatedMicroUsd: 0,
  receiptsMicroUsd: 0,
  heldBackDaily: 0,
  heldBackMonthly: 0,
};

export const toMicroUsd = (usd: number): number => Math.round(usd * 1_000_000);
export const fromMicroUsd = (micro: number): number => micro / 1_000_000;

/** The Kyiv month (`YYYY-MM`) of a Kyiv local date (`YYYY-MM-DD`). */
export const monthOf = (localDate: string): string => localDate.slice(0, 7);

/** What one send costs against the month, and the month's cap if the hromada set one. */
export interface SpendReservation {
  month: string;
  costMicroUsd: number;
  capMicroUsd?: number;
}
