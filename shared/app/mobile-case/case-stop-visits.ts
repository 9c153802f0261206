/**
 * A day's mobile-case stops in the planning pipeline. Each scheduled stop takes part as a timed
 * visit of its own (a request in the pipeline's terms, never stored, whose id is the stop's id):
 * at the settlement, arriving from the stop's opening up to CASE_STOP_LATE_MINUTES later, staying
 * the stop's hours as service time. The stop's visit and the day's home visits (`caseStopId`) are
 * pinned to the stop's vehicle. Pure.
 */
import { CASE_STOP_LATE_MINUTES, toMinutes } from '../../domain/case-slots';
import type { CaseStop } from '../../domain/entities/case-stop';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { localToUtc } from '../../domain/time';

/** The visit that stands for a stop in the day's plan. */
export function caseStopVisit(stop: CaseStop, timeZone: string): ServiceRequest {
  const start = localToUtc(stop.date, stop.from, timeZone);
  const latest = new Date(start.getTime() + CASE_STOP_LATE_MINUTES * 60_000);
  return {
    id: stop.id,
    hromadaId: stop.hromadaId,
    version: stop.version,
    createdAt: stop.createdAt,
    updatedAt: stop.updatedAt,
    serviceType: 'mobile-case',
    residentId: `case-stop`,
    date: stop.date,
    pickup: {
      address: `${stop.settlementName}: ${stop.place ?? 'виїзд ЦНАП'}`,
      location: stop.location,
      settlementId: stop.settlementId,
    },
    requestedTime: { kind: 'pickup', time: stop.from },
    passengers: { escorts: 0, wheelchair: false },
    purpose: 'cnap',
    serviceMinutes: toMinutes(stop.to) - toMinutes(stop.from),
    status: 'confirmed',
    window: { start: start.toISOString(), end: latest.toISOString() },
    confidential: false,
    expiresAt: Math.floor(latest.getTime() / 1000),
    caseStopId: stop.id,
  };
}

/** The day's case stops as visits, and which vehicle each stop's visits (and home visits) must use. */
export function caseStopsOfDay(
  stops: CaseStop[],
  requests: ServiceRequest[],
  timeZone: string,
): { visits: ServiceRequest[]; pinned: Map<string, string> } {
  const live = stops.filter((s) => s.status === 'scheduled');
  const vehicleOf = new Map(live.map((s) => [s.id, s.vehicleId]));
  const pinned = new Map<string, string>();
  for (const s of live) pinned.set(s.id, s.vehicleId);
  for (const r of requests) {
    const vehicle = r.caseStopId ? vehicleOf.get(r.caseStopId) : undefined;
    if (vehicle) pinned.set(r.id, vehicle);
  }
  return { visits: live.map((s) => caseStopVisit(s, timeZone)), pinned };
}
