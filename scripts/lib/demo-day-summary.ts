/**
 * The demo-day script's last line, from what the platform answers: the day's requests and plan,
 * the SMS queued during the replay (the message log), and the day's alerts.
 */
import type { Json } from './demo-day-api';

export interface DaySummary {
  requests: number;
  planned: number;
  unassigned: number;
  sms: number;
  segments: number;
  maxResidentSegments: number;
  delivered: number;
  failed: number;
  alerts: number;
}

export interface SummaryInput {
  requests: Json[];
  plan: Json | undefined;
  /** The messages queued during the replay. */
  messages: Json[];
  /** Residents' numbers (E.164): a message to one of them is a resident's. */
  residentPhones: Set<string>;
  alerts: Json[];
}

interface Stop {
  requestId: string;
}

export function summarise(input: SummaryInput): DaySummary {
  const ids = new Set(input.requests.map((r) => String(r.id)));
  const routes = (input.plan?.routes as { stops: Stop[] }[] | undefined) ?? [];
  // a mobile-case stop is on the route too, but it is not a request
  const planned = new Set(routes.flatMap((r) => r.stops.map((s) => s.requestId)).filter((id) => ids.has(id)));
  const segments = (m: Json) => Number(m.segments ?? 0);
  const delivery = (m: Json) => (m.delivery as { status?: string } | undefined)?.status;
  const toResidents = input.messages.filter((m) => input.residentPhones.has(String(m.to)));
  return {
    requests: input.requests.length,
    planned: planned.size,
    unassigned: ((input.plan?.unassigned as unknown[] | undefined) ?? []).length,
    sms: input.messages.length,
    segments: input.messages.reduce((n, m) => n + segments(m), 0),
    maxResidentSegments: toResidents.reduce((n, m) => Math.max(n, segments(m)), 0),
    delivered: input.messages.filter((m) => delivery(m) === 'delivered').length,
    failed: input.messages.filter((m) => delivery(m) === 'failed' || m.status === 'failed').length,
    alerts: input.alerts.length,
  };
}

export function summaryLine(s: DaySummary): string {
  return (
    `day requests=${s.requests} planned=${s.planned} unassigned=${s.unassigned} sms=${s.sms} ` +
    `segments=${s.segments} max_resident_segments=${s.maxResidentSegments} delivered=${s.delivered} ` +
    `failed=${s.failed} alerts=${s.alerts}`
  );
}

/** The summary line's shape, for tests and for anyone reading the script's output. */
export const SUMMARY_LINE =
  /^day requests=(\d+) planned=(\d+) unassigned=(\d+) sms=(\d+) segments=(\d+) max_resident_segments=(\d+) delivered=(\d+) failed=(\d+) alerts=(\d+)$/;
