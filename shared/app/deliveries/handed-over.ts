import type { ServiceRequest } from '../../domain/entities/service-request';

/**
 * A delivery with a handover rule that the dispatcher marks done (after a blocked code, say): who
 * received it, per its rule (the trusted person by name), proved by the dispatcher's word.
 * Anything else comes back as it was.
 */
export function handedOverByDispatcher(request: ServiceRequest, at: string): ServiceRequest {
  if (!request.handover || request.handedOver || request.status !== 'done') return request;
  const trusted = request.handover.mode === 'trusted';
  const name = trusted ? request.handover.trustedName : undefined;
  return {
    ...request,
    handedOver: {
      receivedBy: trusted ? 'trusted' : 'resident',
      ...(name ? { name } : {}),
      proof: 'dispatcher',
      at,
    },
  };
}
