/**
 * "The car is near": about NEAR_MINUTES before a pickup or a visit the resident gets one SMS
 * (`near-<request>`, once per stop whatever sends it first): when the driver reports the stop
 * before it (`N OK` / `N NS`), or by the clock from the planned times (near-notice-sweep.ts).
 * Never to a confidential case unless the resident opted in (`nearNoticeOptIn`).
 */
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { localTimeLabel } from '../../domain/time';
import { vehicleNear } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { queueSms } from '../queue-sms';

/** How long before the planned arrival the clock sends the notice. */
export const NEAR_MINUTES = 10;
/** The driver's report sends it only for a next stop planned within this many minutes. */
export const NEAR_REPORT_HORIZON_MINUTES = 30;

export const nearNoticeId = (requestId: string) => `near-${requestId}`;

/** Whether this resident is told at all: a phone, consent, and not a confidential case unless opted in. */
export function wantsNearNotice(request: ServiceRequest, resident: Resident | undefined): boolean {
  if (!resident?.phone || !resident.smsConsent) return false;
  if (request.status !== 'dispatched') return false;
  return !(request.confidential || resident.confidential) || resident.nearNoticeOptIn;
}

/** The outbox write of the notice, or undefined when the resident is not told. */
export function nearNoticeChange(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  request: ServiceRequest,
  resident: Resident | undefined,
  arrival: string,
): Change | undefined {
  if (!wantsNearNotice(request, resident) || !resident?.phone) return undefined;
  const now = ports.clock.now().getTime();
  const at = new Date(Math.max(new Date(arrival).getTime(), now));
  return queueSms(ports, hromada, {
    id: nearNoticeId(request.id),
    kind: 'vehicle-near',
    to: resident.phone,
    text: vehicleNear({
      service: request.serviceType,
      confidential: request.confidential,
      at: localTimeLabel(at, hromada.timeZone),
    }),
    subject: `REQUEST#${request.id}`,
    confidential: request.confidential,
  });
}

/** Queue the notice of one stop once: false when not wanted or already queued. */
export async function sendNearNotice(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromada: Hromada,
  request: ServiceRequest,
  arrival: string,
): Promise<boolean> {
  const resident = await ports.entities.registry.get(registryKinds.residents, hromada.id, request.residentId);
  const change = nearNoticeChange(ports, hromada, request, resident, arrival);
  if (!change) return false;
  try {
    await ports.entities.commit([change]);
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false; // the other trigger was first
    throw error;
  }
}

/**
 * The driver reported stop `n` of the vehicle's route: the next pickup or visit, when it is planned
 * within NEAR_REPORT_HORIZON_MINUTES, is told the car is on its way.
 */
export async function nearAfterReport(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromada: Hromada,
  plan: Plan,
  vehicleIds: readonly string[],
  n: number,
): Promise<boolean> {
  const route = plan.routes.find((r) => vehicleIds.includes(r.vehicleId));
  const next = route?.stops.slice(n).find((s) => s.kind !== 'dropoff');
  const following = route?.stops[n];
  if (!next || following?.requestId !== next.requestId) return false;
  const horizon = ports.clock.now().getTime() + NEAR_REPORT_HORIZON_MINUTES * 60_000;
  if (new Date(next.arrival).getTime() > horizon) return false;
  const request = await ports.entities.requests.get(hromada.id, next.requestId);
  return request ? sendNearNotice(ports, hromada, request, next.arrival) : false;
}
