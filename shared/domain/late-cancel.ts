import type { ServiceRequest } from './entities/service-request';

/**
 * Late: as recorded at the cancellation (`cancelKind`); for a request cancelled before that was
 * recorded, the cancellation (its last update: a cancelled request never changes again) came less
 * than `lateCancelHours` before the agreed window started.
 */
export function isLateCancel(
  request: Pick<ServiceRequest, 'cancelKind' | 'window' | 'updatedAt'>,
  lateCancelHours: number,
): boolean {
  if (request.cancelKind) return request.cancelKind === 'late';
  const lead = Date.parse(request.window.start) - Date.parse(request.updatedAt);
  return lead < lateCancelHours * 3_600_000;
}
