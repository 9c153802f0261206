import { ivrPrompts } from '../../shared/messaging/ivr-prompts';

/** One step of a call as the local platform's `/_local/ivr` takes it. */
export interface PhoneStep {
  contactId: string;
  caller?: string;
  dialled?: string;
  state: string;
  tries: string;
  digits: string;
}

export interface TerminalPhone {
  /** Invoke the ivr handler for one step; its answer (Connect's flat string map). */
  step(step: PhoneStep): Promise<Record<string, string>>;
  /** The next key the caller presses, or undefined when they hang up. */
  key(): Promise<string | undefined>;
  print(line: string): void;
}

const text = (id: string | undefined) =>
  (id ? (ivrPrompts as Record<string, string>)[id] : undefined) ?? `[${id}]`;

/**
 * Play a call as the contact flow would: ask the handler, say the notice and the prompt (their
 * recorded texts), then take a key, put through or hang up. Returns the answers, in order.
 */
export async function playCall(
  phone: TerminalPhone,
  call: { contactId: string; caller?: string; dialled?: string },
): Promise<Record<string, string>[]> {
  const answers: Record<string, string>[] = [];
  let next: PhoneStep = { ...call, state: '', tries: '', digits: '' };
  for (;;) {
    const answer = await phone.step(next);
    answers.push(answer);
    if (answer.notice && answer.notice !== 'none') phone.print(`🔊 ${text(answer.notice)}`);
    phone.print(`🔊 ${text(answer.prompt)}`);
    if (answer.action === 'transfer') {
      phone.print("☎  [з'єднання з диспетчером]");
      return answers;
    }
    if (answer.action !== 'menu') {
      phone.print('☎  [кінець дзвінка]');
      return answers;
    }
    const digits = await phone.key();
    if (digits === undefined) {
      phone.print('☎  [абонент поклав слухавку]');
      return answers;
    }
    phone.print(`⌨  ${digits || '(тиша)'}`);
    next = { ...call, state: answer.state ?? '', tries: answer.tries ?? '', digits: digits || 'Timeout' };
  }
}
