import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { registryKinds } from '../../domain/registry';
import { feedbackRequest } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { queueSms } from '../queue-sms';

/**
 * A request just became `done`: its resident (with a phone and consent) is asked once for a rating
 * from 1 to 5 (`feedback-<request>`), in the same transaction as the status. The request records
 * `feedbackAskedAt`, which the reply is matched against (handle-feedback-reply.ts).
 */
export async function askFeedback(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromada: Hromada,
  request: ServiceRequest,
): Promise<{ request: ServiceRequest; changes: Change[] }> {
  if (request.status !== 'done' || request.feedbackAskedAt) return { request, changes: [] };
  const resident = await ports.entities.registry.get(registryKinds.residents, hromada.id, request.residentId);
  if (!resident?.phone || !resident.smsConsent) return { request, changes: [] };
  const asked = { ...request, feedbackAskedAt: ports.clock.now().toISOString() };
  const sms = queueSms(ports, hromada, {
    id: `feedback-${request.id}`,
    kind: 'feedback',
    to: resident.phone,
    text: feedbackRequest({ service: request.serviceType, confidential: request.confidential }),
    subject: `REQUEST#${request.id}`,
    confidential: request.confidential,
  });
  return { request: asked, changes: [sms] };
}
