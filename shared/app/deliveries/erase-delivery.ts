import type { ServiceRequest } from '../../domain/entities/service-request';

/**
 * A request's delivery fields without personal data, for a resident's erasure: the trusted
 * person's name (as `erased`) and phone, the receiver's name and the dispatcher's welfare note go;
 * the handover mode, how it was proved and the welfare outcome (counted in reports) stay.
 */
export function withoutDeliveryPersonalData(request: ServiceRequest, erased: string): ServiceRequest {
  const { handover, handedOver, welfare, ...rest } = request;
  return {
    ...rest,
    ...(handover
      ? { handover: { mode: handover.mode, ...(handover.mode === 'trusted' ? { trustedName: erased } : {}) } }
      : {}),
    ...(handedOver
      ? { handedOver: { receivedBy: handedOver.receivedBy, proof: handedOver.proof, at: handedOver.at } }
      : {}),
    ...(welfare
      ? {
          welfare: {
            outcome: welfare.outcome,
            by: welfare.by,
            at: welfare.at,
            followUpId: welfare.followUpId,
          },
        }
      : {}),
  };
}
