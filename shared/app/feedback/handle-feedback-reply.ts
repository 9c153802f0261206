/**
 * A resident's reply after being asked for a rating (ask-feedback.ts), within FEEDBACK_REPLY_DAYS:
 * a digit 1–5 is stored on the request (`feedback: {rating, at}`, audited); any other text (not a
 * reply word such as ТАК, НІ, СТОП) after a rating is a complaint, passed to the dispatcher as an
 * alert with the text. Anything else is left to the usual replies. Each one is one transaction
 * with the inbound record, so a message delivered twice is acted on once.
 */
import type { Hromada } from '../../domain/entities/hromada';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { alertTexts } from '../../messaging/alert-texts';
import { parseRating } from '../../messaging/feedback-reply';
import type { InboundCommand } from '../../messaging/inbound-commands';
import { complaintReceived, feedbackThanks } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { alertItem } from '../alerts/alert-item';
import { auditChange } from '../audit';

/** How long after the question a reply still counts as feedback. */
export const FEEDBACK_REPLY_DAYS = 2;

export interface FeedbackReplyContext {
  hromada: Hromada;
  resident: Resident;
  inboundMessageId: string;
  text: string;
  command: InboundCommand;
  actor: string;
  record: (outcome: InboundSms['outcome'], subject?: string) => Change;
  reply: (kind: 'change', text: string, suffix: string) => Change;
}

/** The request most recently asked about within the reply window, if any. */
export async function askedRecently(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromadaId: string,
  residentId: string,
): Promise<ServiceRequest | undefined> {
  const since = ports.clock.now().getTime() - FEEDBACK_REPLY_DAYS * 86_400_000;
  const page = await ports.entities.requests.byResident(hromadaId, residentId, { limit: 20 });
  return page.items
    .filter((r) => r.feedbackAskedAt && new Date(r.feedbackAskedAt).getTime() >= since)
    .sort((a, b) => (b.feedbackAskedAt ?? '').localeCompare(a.feedbackAskedAt ?? ''))[0];
}

/** The outcome when the reply was feedback (a rating or a complaint); undefined otherwise. */
export async function handleFeedbackReply(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  ctx: FeedbackReplyContext,
): Promise<'feedback-rated' | 'complaint' | undefined> {
  const rating = parseRating(ctx.text);
  const isText = rating === undefined && ctx.command.kind === 'unknown';
  if (rating === undefined && !isText) return undefined;
  const request = await askedRecently(ports, ctx.hromada.id, ctx.resident.id);
  if (!request) return undefined;
  const subject = `REQUEST#${request.id}`;
  const now = ports.clock.now().toISOString();
  if (rating !== undefined && !request.feedback) {
    const rated: ServiceRequest = {
      ...request,
      feedback: { rating, at: now },
      version: request.version + 1,
      updatedAt: now,
    };
    await ports.entities.commit([
      { op: 'update', entity: 'ServiceRequest', item: rated, expectedVersion: request.version },
      auditChange(ports, ctx.hromada, ctx.actor, 'feedback', 'ServiceRequest', request.id, ['feedback']),
      ctx.record('feedback-rated', subject),
      ctx.reply('change', feedbackThanks(), 'thanks'),
    ]);
    return 'feedback-rated';
  }
  if (!isText || !request.feedback) return undefined;
  await ports.entities.commit([
    ctx.record('complaint', subject),
    alertItem(ports, ctx.hromada, {
      kind: 'complaint',
      cause: ctx.inboundMessageId,
      date: request.date,
      text: alertTexts.complaint(ctx.text.slice(0, 400)),
      requestId: request.id,
      ...(ctx.resident.phone ? { phone: ctx.resident.phone } : {}),
    }),
    ctx.reply('change', complaintReceived(), 'complaint'),
  ]);
  return 'complaint';
}
