import { ValidationError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';

/**
 * A request naming a mobile-case stop (`caseStopId`) is a home visit on that stop's day: a
 * `mobile-case` request, on the stop's date, of a stop still scheduled. A 400 naming the field
 * otherwise.
 */
export async function checkHomeVisit(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  fields: { caseStopId?: string | undefined; serviceType: string; date: string },
): Promise<void> {
  if (fields.caseStopId === undefined) return;
  const refuse = (message: string, reason: string) =>
    new ValidationError(`Invalid caseStopId: ${message}`, [{ path: 'caseStopId', message }], { reason });
  if (fields.serviceType !== 'mobile-case')
    throw refuse('only a mobile-case request names a stop', 'виїзд ЦНАП додому лише для мобільного кейсу');
  const stop = await ports.entities.caseStops.get(hromadaId, fields.caseStopId);
  if (stop?.status !== 'scheduled' || stop.date !== fields.date)
    throw refuse('no scheduled stop on that date', 'немає запланованого виїзду ЦНАП цього дня');
}
