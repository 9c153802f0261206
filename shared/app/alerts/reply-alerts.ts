/**
 * The alerts a reply by SMS raises (contract 2), each for the reply's own transaction: a resident's
 * НІ or СТОП, a driver's `N ?` or `N NS`. Keyed by the carrier's message id (or the request, for a
 * no-show), so a message delivered twice raises one.
 */
import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { localDate } from '../../domain/time';
import { alertTexts } from '../../messaging/alert-texts';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { alertItem, alertTrip } from './alert-item';

export interface ReplyOrigin {
  hromada: Hromada;
  /** The carrier's message id. */
  inboundMessageId: string;
  /** The sender, E.164. */
  phone: string;
  text: string;
}

export function replyAlerts(ports: Pick<Ports, 'clock'>, o: ReplyOrigin) {
  const today = () => localDate(ports.clock.now(), o.hromada.timeZone);
  const raise = (fields: Parameters<typeof alertItem>[2]): Change => alertItem(ports, o.hromada, fields);
  return {
    /** НІ: the resident cancelled their next trip. */
    cancelled: (request: ServiceRequest) =>
      raise({
        kind: 'resident-reply',
        cause: o.inboundMessageId,
        date: request.date,
        text: alertTexts.residentCancel(alertTrip(request, o.hromada.timeZone)),
        requestId: request.id,
        phone: o.phone,
      }),
    /** СТОП: no more SMS to this resident. */
    optedOut: () =>
      raise({
        kind: 'resident-reply',
        cause: o.inboundMessageId,
        date: today(),
        text: alertTexts.residentOptOut(),
        phone: o.phone,
      }),
    /** `N ?`: the driver has a problem at stop `n`. */
    driverProblem: (n: number, request: ServiceRequest | undefined) =>
      raise({
        kind: 'driver-problem',
        cause: o.inboundMessageId,
        date: today(),
        text: alertTexts.driverProblem(n, o.text.slice(0, 160)),
        ...(request ? { requestId: request.id } : {}),
        phone: o.phone,
      }),
    /** `N NS`: the resident was not there. */
    noShow: (request: ServiceRequest) =>
      raise({
        kind: 'no-show',
        cause: request.id,
        date: request.date,
        text: alertTexts.noShow(alertTrip(request, o.hromada.timeZone)),
        requestId: request.id,
        phone: o.phone,
      }),
  };
}
