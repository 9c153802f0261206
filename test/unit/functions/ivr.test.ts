import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONNECT_RESPONSE_MAX_BYTES,
  connectContactFlowEventSchema,
} from '../../../events/contracts/connect-contact-flow';
import { callAnswerAttributes, handleCall } from '../../../shared/app/handle-call';
import { ivrPrompts, NO_NOTICE } from '../../../shared/messaging/ivr-prompts';
import { memoryPorts, seedBasics } from '../../support/fixtures';

const json = (path: string) => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));

interface FlowAction {
  Identifier: string;
  Type: string;
  Parameters: Record<string, unknown>;
  Transitions: {
    NextAction?: string;
    Errors?: { NextAction: string }[];
    Conditions?: { NextAction: string; Condition: { Operands: string[] } }[];
  };
}
const flow = json('infra/connect/contact-flow.json') as { StartAction: string; Actions: FlowAction[] };
const flowText = JSON.stringify(flow);

describe('a Connect contact-flow event', () => {
  it('the sample events parse with the contract', () => {
    expect(connectContactFlowEventSchema.parse(json('events/connect/contact-flow-menu.json'))).toEqual({
      contactId: '5ca32fbd-8f92-46af-92a5-6b0f970f0efe',
      caller: '+380671234567',
      dialled: '+380931112233',
      state: 'main',
      digits: '1',
      tries: 0,
    });
    // a withheld number, and the first step (no state yet)
    expect(
      connectContactFlowEventSchema.parse(json('events/connect/contact-flow-start-withheld.json')),
    ).toEqual({
      contactId: 'b1c1f7d2-3d0e-4e8a-9f5b-2f1c7a9e4d10',
      dialled: '+380931112233',
    });
  });

  it('an empty state from the flow (its first step) is the start', () => {
    const event = json('events/connect/contact-flow-menu.json');
    event.Details.Parameters = { state: '', tries: '', digits: '' };
    expect(connectContactFlowEventSchema.parse(event)).not.toHaveProperty('state');
  });

  it('refuses an event that is not from a contact flow', () => {
    expect(() => connectContactFlowEventSchema.parse({ Records: [] })).toThrow();
  });
});

describe('the answer to Connect', () => {
  it('is a flat map of strings under Connect’s size limit, naming each recording', async () => {
    const { ports } = memoryPorts();
    await seedBasics(ports);
    const step = connectContactFlowEventSchema.parse(json('events/connect/contact-flow-menu.json'));
    const answer = await handleCall(ports, { ...step, state: undefined, digits: undefined });
    const attributes = callAnswerAttributes(answer, 's3://hromada-prompts/uk');
    expect(attributes).toEqual({
      action: 'menu',
      notice: 'welcome',
      prompt: 'menu-in-hours',
      state: 'main',
      tries: '0',
      noticeUri: 's3://hromada-prompts/uk/welcome.wav',
      promptUri: 's3://hromada-prompts/uk/menu-in-hours.wav',
    });
    for (const value of Object.values(attributes)) expect(typeof value).toBe('string');
    expect(Buffer.byteLength(JSON.stringify(attributes))).toBeLessThan(CONNECT_RESPONSE_MAX_BYTES);
  });
});

describe('the contact flow (infra/connect/contact-flow.json)', () => {
  const ids = new Set(flow.Actions.map((a) => a.Identifier));

  it('starts somewhere and every transition leads to an action that exists', () => {
    expect(ids.has(flow.StartAction)).toBe(true);
    for (const action of flow.Actions) {
      const t = action.Transitions;
      const targets = [t.NextAction, ...(t.Errors ?? []), ...(t.Conditions ?? [])].map((x) =>
        typeof x === 'string' ? x : x?.NextAction,
      );
      for (const target of targets.filter(Boolean))
        expect({ from: action.Identifier, target, ok: ids.has(target!) }).toMatchObject({ ok: true });
    }
  });

  it('reads only what the handler answers, and routes every action it can answer', () => {
    const answered = Object.keys(
      callAnswerAttributes(
        { action: 'menu', notice: 'welcome', prompt: 'goodbye', state: 's', tries: 0 },
        's3://b/p',
      ),
    );
    for (const [, key] of flowText.matchAll(/\$\.External\.(\w+)/g)) expect(answered).toContain(key);
    const route = flow.Actions.find((a) => a.Identifier === 'route')!;
    const routed = route.Transitions.Conditions!.flatMap((c) => c.Condition.Operands);
    expect(routed.sort()).toEqual(['hangup', 'menu', 'transfer']);
    const notice = flow.Actions.find((a) => a.Identifier === 'check-notice')!;
    expect(notice.Transitions.Conditions![0]!.Condition.Operands).toEqual([NO_NOTICE]);
  });

  it('plays only recordings of the prompt list', () => {
    for (const [, id] of flowText.matchAll(/\$\{PromptsUri\}\/([\w-]+)\.wav/g)) {
      expect(Object.keys(ivrPrompts)).toContain(id);
    }
    // the rest it plays are the handler's prompt and notice, checked in test/unit/app/phone-line.test.ts
    expect(flowText).toContain('$.External.promptUri');
  });

  it('has no prompt that nothing plays (each is a recording a hromada must make)', () => {
    const menu = readFileSync(new URL('../../../shared/app/handle-call.ts', import.meta.url), 'utf8');
    for (const id of Object.keys(ivrPrompts)) {
      expect({ id, used: menu.includes(`'${id}'`) || flowText.includes(`/${id}.wav`) }).toEqual({
        id,
        used: true,
      });
    }
  });
});
