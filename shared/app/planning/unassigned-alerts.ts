/**
 * Requests a plan leaves unassigned: the dispatcher gets one alert per request and day
 * (`unassigned-<request>`), in the plan version's own transaction. A re-plan that leaves it out again
 * raises nothing new (the day's alerts are read first), so re-planning never floods the list.
 */
import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { alertTexts } from '../../messaging/alert-texts';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { alertItem, alertTrip } from '../alerts/alert-item';

/** At most this many alerts go with one plan version (a transaction holds 100 items). */
export const MAX_UNASSIGNED_ALERTS = 90;

/** The requests of the day that already have an `unassigned` alert. */
export async function alreadyAlerted(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  date: string,
): Promise<Set<string>> {
  const out = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await ports.entities.alerts.forDay(hromadaId, date, undefined, { limit: 200, cursor });
    for (const a of page.items) if (a.kind === 'unassigned' && a.requestId) out.add(a.requestId);
    cursor = page.next;
  } while (cursor);
  return out;
}

export function unassignedAlerts(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  date: string,
  unassigned: ReadonlyArray<{ requestId: string; reason: string }>,
  requests: ReadonlyArray<ServiceRequest>,
  alerted: ReadonlySet<string>,
): Change[] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const out: Change[] = [];
  for (const { requestId, reason } of unassigned) {
    const request = byId.get(requestId);
    if (!request || alerted.has(requestId) || out.length >= MAX_UNASSIGNED_ALERTS) continue;
    out.push(
      alertItem(ports, hromada, {
        kind: 'unassigned',
        cause: requestId,
        date,
        text: alertTexts.unassigned(alertTrip(request, hromada.timeZone), reason.slice(0, 200)),
        requestId,
      }),
    );
  }
  return out;
}
