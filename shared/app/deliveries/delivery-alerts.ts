/**
 * The dispatcher's alerts a delivery raises, as the fields of the alerts contract (.contracts.md §2:
 * `Alert = {id, hromadaId, kind, date, at, text, requestId?, vehicleId?, phone?, handled, …}`),
 * without the stored parts (`id`, `handled`, `version`) that `alertItem(...)` adds. The use cases
 * build them and return them with their result; the alerts branch's `alertItem` turns them into
 * the item written in the same commit.
 */
import type { WelfareOutcome } from '../../domain/entities/delivery';
import { WELFARE_WORDS } from '../../domain/entities/delivery';
import { maskPhone } from '../../domain/phone';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { alertItem } from '../alerts/alert-item';

export interface DeliveryAlert {
  hromadaId: string;
  kind: 'welfare' | 'driver-problem';
  /** The service date. */
  date: string;
  /** UTC ISO. */
  at: string;
  /** A Ukrainian one-liner for the dispatcher. */
  text: string;
  requestId: string;
  vehicleId?: string;
  phone?: string;
}

/** A welfare outcome at the door: the dispatcher sees it beside the follow-up task. */
export function welfareAlert(a: {
  hromadaId: string;
  date: string;
  at: string;
  requestId: string;
  outcome: WelfareOutcome;
  residentName: string;
  worker: string | undefined;
}): DeliveryAlert {
  const to = a.worker ? `соцпрацівнику ${a.worker} надіслано SMS` : 'соцпрацівника не вказано';
  return {
    hromadaId: a.hromadaId,
    kind: 'welfare',
    date: a.date,
    at: a.at,
    text: `${a.residentName}: ${WELFARE_WORDS[a.outcome]}; ${to}`,
    requestId: a.requestId,
  };
}

/** The driver sent the third wrong handover code: the code is blocked, the dispatcher must call. */
export function codeBlockedAlert(a: {
  hromadaId: string;
  date: string;
  at: string;
  requestId: string;
  stop: number;
  vehicleId: string;
  driverPhone: string;
}): DeliveryAlert {
  return {
    hromadaId: a.hromadaId,
    kind: 'driver-problem',
    date: a.date,
    at: a.at,
    text: `Зупинка ${a.stop}: 3 невірні коди отримувача (${maskPhone(a.driverPhone)}), код заблоковано`,
    requestId: a.requestId,
    vehicleId: a.vehicleId,
    phone: a.driverPhone,
  };
}

/** The alert's item, for the commit of the change that raised it (once per delivery and kind). */
export function deliveryAlertItem(
  ports: Pick<Ports, 'clock'>,
  hromada: { id: string; rules: { retentionDays: { messages: number } } },
  alert: DeliveryAlert,
): Change {
  return alertItem(ports, hromada, {
    kind: alert.kind,
    cause: alert.kind === 'welfare' ? alert.requestId : `code-${alert.requestId}`,
    date: alert.date,
    text: alert.text,
    requestId: alert.requestId,
    ...(alert.vehicleId ? { vehicleId: alert.vehicleId } : {}),
    ...(alert.phone ? { phone: alert.phone } : {}),
  });
}
