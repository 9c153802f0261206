import { createHash } from 'node:crypto';
import { idSchema } from '../../domain/common';
import type { Alert, AlertKind } from '../../domain/entities/alert';
import { expiresAfterDays } from '../../domain/retention';
import { localTimeLabel } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';

/** What raised an alert: `cause` names it uniquely within its kind (a request, a message, a reply). */
export interface AlertCause {
  kind: AlertKind;
  /** E.g. the request id, `<request>-p<plan version>`, the outbox message id, the inbound id. */
  cause: string;
  /** The local service date it belongs to. */
  date: string;
  /** Ukrainian one-liner for the dispatcher: no address, no purpose. */
  text: string;
  requestId?: string;
  vehicleId?: string;
  phone?: string;
}

/** The alert's id, derived from its kind and cause: the same cause always gives the same id. */
export function alertId(kind: AlertKind, cause: string): string {
  const id = `${kind}-${cause}`;
  if (id.length <= 64 && idSchema.safeParse(id).success) return id;
  return `${kind}-${createHash('sha256')
    .update(cause)
    .digest('hex')
    .slice(0, 63 - kind.length)}`;
}

/**
 * The alert a use case puts into its own commit, next to the change that causes it (contract 2).
 * Created once: a second write of the same id fails with the rest of that transaction, as a
 * retried change does anyway.
 */
export function alertItem(
  ports: Pick<Ports, 'clock'>,
  hromada: { id: string; rules: { retentionDays: { messages: number } } },
  cause: AlertCause,
): Extract<Change, { op: 'create'; entity: 'Alert' }> {
  const now = ports.clock.now();
  const at = now.toISOString();
  const item: Alert = {
    id: alertId(cause.kind, cause.cause),
    hromadaId: hromada.id,
    kind: cause.kind,
    date: cause.date,
    at,
    text: cause.text.slice(0, 600),
    ...(cause.requestId ? { requestId: cause.requestId } : {}),
    ...(cause.vehicleId ? { vehicleId: cause.vehicleId } : {}),
    ...(cause.phone ? { phone: cause.phone } : {}),
    handled: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
    expiresAt: expiresAfterDays(now, hromada.rules.retentionDays.messages),
  };
  return { op: 'create', entity: 'Alert', item };
}

/** A request's agreed window as the alert lines show it (local times). */
export function alertTrip(request: { window: { start: string; end: string } }, timeZone?: string) {
  return {
    from: localTimeLabel(new Date(request.window.start), timeZone),
    to: localTimeLabel(new Date(request.window.end), timeZone),
  };
}
