/**
 * A resident's SMS about a mobile-case slot (shared/messaging/case-replies.ts): `ЗАПИС` books the
 * first free slot at the next stop in their settlement, `ЗАПИС 10:40` that slot (or moves their
 * booking there), `ВІДМОВА` gives their slot back. The answer names the booked time; the action,
 * the reply and the record of the SMS are one transaction.
 */

import { caseSlots } from '../../domain/case-slots';
import type { CaseStop } from '../../domain/entities/case-stop';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { Resident } from '../../domain/entities/resident';
import { AppError, ConflictError } from '../../domain/errors';
import { maskPhone } from '../../domain/phone';
import { expiresAfterDays } from '../../domain/retention';
import type { CaseReply } from '../../messaging/case-replies';
import {
  caseBooked,
  caseCancelled,
  caseNoStop,
  caseSlotTaken,
  nothingToActOnReply,
} from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import type { Sender } from '../find-sender';
import type { InboundResult, ReceivedSms } from '../handle-inbound-sms';
import { queueSms } from '../queue-sms';
import { bookCaseSlot, cancelCaseSlot, moveCaseSlot, stopsAhead } from './book-case-slot';

type ReplyPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

export async function handleCaseReply(
  ports: ReplyPorts,
  sms: ReceivedSms,
  sender: Sender,
  e164: string,
  reply: CaseReply,
): Promise<InboundResult> {
  const { hromada, resident } = sender;
  const { record, answer, refuse } = replyKit(ports, sms, sender, e164, reply);
  if (!resident) return refuse('nothing-to-act-on', nothingToActOnReply());
  const actor = `sms:${maskPhone(e164)}`;
  const ahead = await stopsAhead(ports, hromada, resident.settlementId);
  if (reply.kind === 'cancel') {
    const booked = await bookedStop(ports, resident, ahead);
    if (!booked) return refuse('nothing-to-act-on', nothingToActOnReply());
    await cancelCaseSlot(ports, {
      hromadaId: hromada.id,
      stopId: booked.id,
      residentId: resident.id,
      actor,
      notify: false,
      extra: ({ time }) => [
        record('case-cancelled', `CASESTOP#${booked.id}`),
        answer(caseCancelled({ day: dayLabel(booked), time })),
      ],
    });
    return { outcome: 'case-cancelled', hromadaId: hromada.id };
  }
  const stop = (await bookedStop(ports, resident, ahead)) ?? ahead[0];
  if (!stop) return refuse('nothing-to-act-on', caseNoStop());
  const slotRequest = {
    hromadaId: hromada.id,
    stopId: stop.id,
    residentId: resident.id,
    actor,
    notify: false,
    extra: ({ time }: { time: string }) => [
      record('case-booked', `CASESTOP#${stop.id}`),
      answer(caseBooked({ day: dayLabel(stop), time, settlement: stop.settlementName })),
    ],
  };
  try {
    const mine = await ports.entities.caseBookings.get(hromada.id, stop.id, resident.id);
    if (mine && reply.time) await moveCaseSlot(ports, { ...slotRequest, time: reply.time });
    else if (!mine)
      await bookCaseSlot(ports, { ...slotRequest, ...(reply.time ? { time: reply.time } : {}) });
    else return await refuse('nothing-to-act-on', alreadyText(stop, mine.toldTime));
    return { outcome: 'case-booked', hromadaId: hromada.id };
  } catch (error) {
    // a taken slot, a time that is not a slot, a full stop: tell the resident what is free
    if (!(error instanceof AppError) || (error instanceof ConflictError && !error.reason)) throw error;
    if (await ports.entities.inbound.get(sms.inboundMessageId)) return { outcome: 'duplicate' };
    const free = await freeTimes(ports, stop);
    return refuse('case-refused', caseSlotTaken({ ...(reply.time ? { time: reply.time } : {}), free }));
  }
}

/** The record of the SMS, the answer to it, and both written for a reply that changes nothing. */
function replyKit(ports: ReplyPorts, sms: ReceivedSms, sender: Sender, e164: string, reply: CaseReply) {
  const { hromada, resident } = sender;
  const now = ports.clock.now();
  const record = (outcome: InboundSms['outcome'], subject?: string): Change => ({
    op: 'inbound',
    record: {
      id: sms.inboundMessageId,
      hromadaId: hromada.id,
      receivedAt: now.toISOString(),
      from: e164,
      text: sms.messageBody.slice(0, 1600),
      command: reply.kind === 'book' ? `case-book${reply.time ? ` ${reply.time}` : ''}` : 'case-cancel',
      outcome,
      ...(subject ? { subject } : {}),
      expiresAt: expiresAfterDays(now, hromada.rules.retentionDays.messages),
    },
  });
  const answer = (text: string): Change =>
    queueSms(ports, hromada, {
      id: `case-${sms.inboundMessageId}`.slice(0, 64),
      kind: 'change',
      to: e164,
      text,
      subject: 'INBOUND',
      confidential: resident?.confidential ?? false,
    });
  const refuse = async (outcome: InboundSms['outcome'], text: string): Promise<InboundResult> => {
    await ports.entities.commit([record(outcome), answer(text)]);
    return { outcome, hromadaId: hromada.id };
  };
  return { record, answer, refuse };
}

/** The local times of a stop's free slots. */
async function freeTimes(ports: ReplyPorts, stop: CaseStop): Promise<string[]> {
  const taken = new Set(
    (await ports.entities.caseBookings.forStop(stop.hromadaId, stop.id)).map((b) => b.slot),
  );
  return caseSlots(stop)
    .filter((s) => !taken.has(s.index))
    .map((s) => s.time);
}

const dayLabel = (stop: CaseStop) => `${stop.date.slice(8, 10)}.${stop.date.slice(5, 7)}`;
const alreadyText = (stop: CaseStop, time: string) => `Ви вже записані: ЦНАП ${dayLabel(stop)} о ${time}`;

/** The first stop ahead where the resident holds a slot. */
async function bookedStop(ports: ReplyPorts, resident: Resident, ahead: CaseStop[]) {
  for (const stop of ahead)
    if (await ports.entities.caseBookings.get(resident.hromadaId, stop.id, resident.id)) return stop;
  return undefined;
}
