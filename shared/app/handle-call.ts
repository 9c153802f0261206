import { inDispatchHours } from '../domain/dispatch-hours';
import type { Hromada } from '../domain/entities/hromada';
import type { Resident } from '../domain/entities/resident';
import { ConflictError, NotFoundError } from '../domain/errors';
import { maskPhone, normalisePhone } from '../domain/phone';
import { expiresAfterDays } from '../domain/retention';
import { localDate } from '../domain/time';
import { alertTexts } from '../messaging/alert-texts';
import { NO_NOTICE, type PromptId } from '../messaging/ivr-prompts';
import { nothingToActOnReply, tripsReply } from '../messaging/templates';
import type { Ports } from '../ports/ports';
import { alertItem } from './alerts/alert-item';
import { bookCaseSlotByPhone } from './case-slot-by-phone';
import { findSender, hromadyByNumber, nextTrip, upcomingTrips } from './find-sender';
import { queueSms } from './queue-sms';
import { lastRide, repeatRideTomorrow } from './repeat-trip-by-phone';
import { changeRequestStatus, windowText } from './service-requests';

/** One step of a call: what the contact flow knows when it invokes the handler. */
export interface CallStep {
  /** Connect's ContactId: the same for every step of one call. */
  contactId: string;
  /** The caller's number as Connect delivers it (`+380…`, `380…`, `0…`), absent when withheld. */
  caller?: string;
  /** The number dialled (Connect's SystemEndpoint): which hromada's line this is. */
  dialled?: string;
  /** The menu the caller is answering (`state` of the previous answer); absent on the first step. */
  state?: string;
  /** The key pressed; anything else (empty, `Timeout`) is not understood. */
  digits?: string;
  /** Menus not understood so far in a row (from the previous answer). */
  tries?: number;
}

/**
 * What the flow does next: play `notice` (unless NO_NOTICE), then `prompt`, and then take one key
 * for `state` (`menu`), put the caller through to a dispatcher (`transfer`), or hang up.
 */
export interface CallAnswer {
  action: 'menu' | 'transfer' | 'hangup';
  notice: PromptId | typeof NO_NOTICE;
  prompt: PromptId;
  state: string;
  tries: number;
}

type CallPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

/** After this many menus not understood in a row the line stops asking. */
export const MAX_TRIES = 3;

interface Caller {
  hromada: Hromada;
  /** E.164, absent when the number was withheld or is not a number. */
  e164?: string;
  resident?: Resident;
  inHours: boolean;
}

/**
 * The phone line's keypad menu (IVR), one key at a time. A resident found by their number can
 * confirm or cancel their next ride (acting as the resident, on the version read), get their trips
 * by SMS, ask for a call-back, or reach a dispatcher in working hours; anyone else is put through
 * to a dispatcher in working hours and offered a call-back outside them. Every answer names
 * recorded prompts only: what varies goes by SMS.
 */
export async function handleCall(ports: CallPorts, step: CallStep): Promise<CallAnswer> {
  const caller = await identify(ports, step);
  if (!caller) return say('try-later', 'hangup');
  const menu: PromptId = caller.inHours ? 'menu-in-hours' : 'menu-after-hours';
  const state = step.state ?? 'start';
  const digits = (step.digits ?? '').trim();

  if (state === 'start') {
    if (caller.resident) return ask(menu, 'main', 0, 'welcome');
    if (caller.inHours) return say('to-dispatcher', 'transfer', 'welcome');
    if (!caller.e164) return say('no-number', 'hangup', 'welcome');
    return ask('callback-offer', 'callback-offer', 0, 'welcome');
  }
  if (state === 'callback-offer') {
    if (digits === '1') return requestCallback(ports, step, caller);
    if (digits === '9') return say('goodbye', 'hangup');
    return again(step, 'callback-offer', 'callback-offer');
  }
  if (state.startsWith('cancel:') && caller.resident) {
    if (digits === '1') return cancelNext(ports, caller, state);
    if (digits === '9') return ask(menu, 'main', 0);
    return again(step, 'cancel-ask', state);
  }
  if (state === 'repeat' && caller.resident && caller.e164) {
    if (digits === '9') return ask(menu, 'main', 0);
    if (digits !== '1') return again(step, 'repeat-ask', 'repeat');
    const outcome = await repeatRideTomorrow(
      ports,
      caller.hromada,
      caller.resident,
      step.contactId,
      caller.e164,
    );
    if (outcome === 'booked') return say('repeat-booked', 'hangup');
    if (outcome === 'no-trip') return ask(menu, 'main', 0, 'no-trip');
    return caller.inHours
      ? say('to-dispatcher', 'transfer', 'repeat-refused')
      : ask('callback-offer', 'callback-offer', 0, 'repeat-refused');
  }
  if (state === 'main' && caller.resident) {
    return mainMenu(ports, step, caller, caller.resident, menu, digits);
  }
  return say('goodbye', 'hangup');
}

async function mainMenu(
  ports: CallPorts,
  step: CallStep,
  caller: Caller,
  resident: Resident,
  menu: PromptId,
  digits: string,
): Promise<CallAnswer> {
  switch (digits) {
    case '1':
    case '2': {
      const next = await nextTrip(ports, caller.hromada, resident);
      if (!next) return ask(menu, 'main', 0, 'no-trip');
      if (digits === '2') return ask('cancel-ask', `cancel:${next.id}:${next.version}`, 0);
      return act(() => confirmOrCancel(ports, caller, next.id, next.version, 'confirmed'), 'confirmed', menu);
    }
    case '3':
      await sendTrips(ports, step, caller, resident);
      return ask(menu, 'main', 0, 'trips-sent');
    case '4':
      return requestCallback(ports, step, caller);
    case '5':
      return (await lastRide(ports, caller.hromada, resident))
        ? ask('repeat-ask', 'repeat', 0)
        : ask(menu, 'main', 0, 'no-trip');
    case '6':
      return caseSlot(ports, caller, resident, menu);
    case '0':
      return caller.inHours ? say('to-dispatcher', 'transfer') : ask('callback-offer', 'callback-offer', 0);
    default:
      return again(step, menu, 'main');
  }
}

/** 6: the first free slot at the next mobile-case stop in the caller's village. */
async function caseSlot(
  ports: CallPorts,
  caller: Caller,
  resident: Resident,
  menu: PromptId,
): Promise<CallAnswer> {
  if (!caller.e164) return ask(menu, 'main', 0);
  const outcome = await bookCaseSlotByPhone(ports, caller.hromada, resident, caller.e164);
  if (outcome === 'booked' || outcome === 'already') return say('case-booked', 'hangup');
  return ask(menu, 'main', 0, outcome === 'no-stop' ? 'case-none' : 'case-full');
}

/** Who calls and which hromada's line it is: the resident with this number, else the line's hromada. */
async function identify(ports: CallPorts, step: CallStep): Promise<Caller | undefined> {
  const phone = step.caller ? normalisePhone(step.caller) : undefined;
  const e164 = phone?.ok ? phone.e164 : undefined;
  const dialled = step.dialled ?? '';
  const sender = e164 ? await findSender(ports, e164, dialled) : undefined;
  const hromada = sender?.hromada ?? (await hromadyByNumber(ports, dialled)).dialledBy;
  if (!hromada) return undefined;
  return {
    hromada,
    ...(e164 ? { e164 } : {}),
    ...(sender?.resident ? { resident: sender.resident } : {}),
    inHours: inDispatchHours(hromada.rules, ports.clock.now(), hromada.timeZone),
  };
}

async function cancelNext(ports: CallPorts, caller: Caller, state: string): Promise<CallAnswer> {
  const [, id, version] = state.split(':');
  const menu: PromptId = caller.inHours ? 'menu-in-hours' : 'menu-after-hours';
  if (!id || !Number(version)) return ask(menu, 'main', 0);
  return act(() => confirmOrCancel(ports, caller, id, Number(version), 'cancelled'), 'cancelled', menu);
}

/** Confirm or cancel on the version read; a trip changed meanwhile (or gone) sends the caller back. */
async function act(run: () => Promise<unknown>, done: PromptId, menu: PromptId): Promise<CallAnswer> {
  try {
    await run();
    return say(done, 'hangup');
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError)
      return ask(menu, 'main', 0, 'trip-changed');
    throw error;
  }
}

function confirmOrCancel(
  ports: CallPorts,
  caller: Caller,
  id: string,
  version: number,
  to: 'confirmed' | 'cancelled',
) {
  const actor = `phone:${maskPhone(caller.e164 ?? '')}`;
  return changeRequestStatus(ports, caller.hromada.id, id, version, to, actor, [], 'resident');
}

/** The next trips in one SMS (≤ 2 segments), once per call. */
async function sendTrips(ports: CallPorts, step: CallStep, caller: Caller, resident: Resident) {
  if (!resident.phone) return;
  const trips = await upcomingTrips(ports, caller.hromada, resident);
  const text = trips.length > 0 ? tripsReply(trips.map(windowText)) : nothingToActOnReply();
  try {
    await ports.entities.commit([
      queueSms(ports, caller.hromada, {
        id: `trips-${step.contactId}`,
        kind: 'change',
        to: resident.phone,
        text,
        subject: `RESIDENT#${resident.id}`,
        confidential: trips.some((t) => t.confidential) || resident.confidential,
        urgent: true, // asked for during the call
      }),
    ]);
  } catch (error) {
    // Asked twice in one call: the first SMS is on its way.
    if (!(error instanceof ConflictError)) throw error;
  }
}

/**
 * The call-back, kept in the inbound log (the dispatcher's list of what residents sent or asked)
 * with the number and the time; once per call (keyed by the ContactId).
 */
async function requestCallback(ports: CallPorts, step: CallStep, caller: Caller): Promise<CallAnswer> {
  if (!caller.e164) return say('no-number', 'hangup');
  const now = ports.clock.now();
  const id = `call-${step.contactId}`;
  if (!(await ports.entities.inbound.get(id))) {
    try {
      await ports.entities.commit([
        {
          op: 'inbound',
          record: {
            id,
            hromadaId: caller.hromada.id,
            receivedAt: now.toISOString(),
            from: caller.e164,
            text: 'Дзвінок: просить передзвонити',
            command: 'phone callback',
            outcome: 'callback-requested',
            ...(caller.resident ? { subject: `RESIDENT#${caller.resident.id}` } : {}),
            expiresAt: expiresAfterDays(now, caller.hromada.rules.retentionDays.messages),
          },
        },
        alertItem(ports, caller.hromada, {
          kind: 'callback',
          cause: step.contactId,
          date: localDate(now, caller.hromada.timeZone),
          text: alertTexts.callback(),
          phone: caller.e164,
        }),
      ]);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return say('callback-recorded', 'hangup');
}

function ask(prompt: PromptId, state: string, tries: number, notice?: PromptId): CallAnswer {
  return { action: 'menu', notice: notice ?? NO_NOTICE, prompt, state, tries };
}

function say(prompt: PromptId, action: 'transfer' | 'hangup', notice?: PromptId): CallAnswer {
  return { action, notice: notice ?? NO_NOTICE, prompt, state: 'end', tries: 0 };
}

/** A key not understood: the same menu again, up to MAX_TRIES times. */
function again(step: CallStep, prompt: PromptId, state: string): CallAnswer {
  const tries = (step.tries ?? 0) + 1;
  if (tries >= MAX_TRIES) return say('goodbye', 'hangup', 'not-understood');
  return ask(prompt, state, tries, 'not-understood');
}

/**
 * The answer as Connect takes it: a flat map of strings (`$.External.*` in the flow). With
 * `promptsUri` (`s3://bucket/prefix`), each prompt's recording is `<promptsUri>/<id>.wav`.
 */
export function callAnswerAttributes(answer: CallAnswer, promptsUri?: string): Record<string, string> {
  const recording = (id: string) => `${promptsUri}/${id}.wav`;
  return {
    action: answer.action,
    notice: answer.notice,
    prompt: answer.prompt,
    state: answer.state,
    tries: String(answer.tries),
    ...(promptsUri ? { promptUri: recording(answer.prompt) } : {}),
    ...(promptsUri && answer.notice !== NO_NOTICE ? { noticeUri: recording(answer.notice) } : {}),
  };
}
