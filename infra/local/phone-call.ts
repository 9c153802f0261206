import { z } from 'zod';
import type { ConnectContactFlowEvent } from '../../events/contracts/connect-contact-flow';
import { type AnyHandler, lambdaContext } from './lambda-context';

/** One step of a call on the local platform, as the terminal telephone (scripts/phone.ts) sends it. */
const localStep = z.strictObject({
  contactId: z.string().min(1).max(100),
  /** The caller's number as Connect may deliver it; omitted for a withheld number. */
  caller: z.string().min(3).max(20).optional(),
  /** The line dialled (a hromada's `inboundNumber`). */
  dialled: z.string().default('+380931112233'),
  state: z.string().max(200).default(''),
  tries: z.string().max(2).default(''),
  digits: z.string().max(20).default(''),
});

/** The event Connect's "Invoke AWS Lambda function" block sends, for one step of a call. */
export function contactFlowEvent(step: z.output<typeof localStep>): ConnectContactFlowEvent {
  const instance = 'arn:aws:connect:local:000000000000:instance/local';
  return {
    Name: 'ContactFlowEvent',
    Details: {
      ContactData: {
        ContactId: step.contactId,
        Channel: 'VOICE',
        CustomerEndpoint: step.caller ? { Address: step.caller, Type: 'TELEPHONE_NUMBER' } : null,
        SystemEndpoint: { Address: step.dialled, Type: 'TELEPHONE_NUMBER' },
        ...{ InitiationMethod: 'INBOUND', InstanceARN: instance },
      },
      Parameters: { state: step.state, tries: step.tries, digits: step.digits },
    },
  };
}

/** `POST /_local/ivr {"contactId":"…","caller":"+380…","state":"main","digits":"1"}`: one step of a call. */
export async function callStep(handler: AnyHandler, body: Buffer) {
  const parsed = localStep.safeParse(safeJson(body.toString('utf8')));
  if (!parsed.success) {
    return { status: 400, body: { error: 'expected {"contactId": "…", "caller": "+380…", "digits": "1"}' } };
  }
  // the function's 7 s, as in AWS (Connect waits 8 s at most for it)
  const answer = await handler(contactFlowEvent(parsed.data), lambdaContext('ivr'));
  return { status: 200, body: answer };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
