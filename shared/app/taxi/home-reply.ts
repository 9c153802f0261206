/**
 * A resident's ДОДОМУ by SMS: their will-call return of today is activated (activate-return.ts),
 * its record in the same transaction; with no return waiting, the usual "nothing to act on" reply.
 */
import type { Hromada } from '../../domain/entities/hromada';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { isOpen } from '../../domain/request-lifecycle';
import { localDate } from '../../domain/time';
import { nothingToActOnReply } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { activateReturn } from './activate-return';

export interface HomeReplyContext {
  hromada: Hromada;
  resident: Resident | undefined;
  actor: string;
  record: (outcome: InboundSms['outcome'], subject?: string) => Change;
  reply: (kind: 'change', text: string, suffix: string) => Change;
}

export async function homeReply(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>,
  { hromada, resident, actor, record, reply }: HomeReplyContext,
): Promise<{ outcome: InboundSms['outcome']; hromadaId: string }> {
  const back = resident ? await awaitingReturnToday(ports, hromada, resident) : undefined;
  if (!back) {
    await ports.entities.commit([
      record('nothing-to-act-on'),
      reply('change', nothingToActOnReply(), 'none'),
    ]);
    return { outcome: 'nothing-to-act-on', hromadaId: hromada.id };
  }
  await activateReturn(ports, hromada.id, back.id, actor, {
    extra: [record('return-activated', `REQUEST#${back.id}`)],
  });
  return { outcome: 'return-activated', hromadaId: hromada.id };
}

/** The resident's will-call return of today still waiting for their call (the earliest, if several). */
export async function awaitingReturnToday(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromada: Hromada,
  resident: Resident,
): Promise<ServiceRequest | undefined> {
  const today = localDate(ports.clock.now(), hromada.timeZone);
  const page = await ports.entities.requests.byResident(hromada.id, resident.id, { limit: 50 });
  return page.items
    .filter((r) => r.date === today && r.awaitingCall && isOpen(r.status))
    .sort((a, b) => a.window.start.localeCompare(b.window.start))[0];
}
