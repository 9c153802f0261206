import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inboundSmsRecordSchema } from '../../../events/contracts/inbound-sms';

const functionsDir = new URL('../../../functions/', import.meta.url);
const handlers = readdirSync(functionsDir).map((name) => ({
  name,
  source: readFileSync(new URL(`${name}/handler.ts`, functionsDir), 'utf8'),
}));

describe('every function', () => {
  it('starts from the one shared middy stack, none builds its own', () => {
    expect(handlers.map((h) => h.name)).toEqual(
      expect.arrayContaining(['api', 'send-sms', 'sms-receipts', 'generate-standing-orders']),
    );
    for (const { name, source } of handlers) {
      expect({ name, own: /@middy\/core|injectLambdaContext/.test(source) }).toEqual({ name, own: false });
      expect({ name, shared: /lambdaStack|httpHandler/.test(source) }).toEqual({ name, shared: true });
    }
  });
});

describe('an inbound SMS record', () => {
  const record = (message: string) => ({
    EventSource: 'aws:sns',
    Sns: { MessageId: 'sns-1', Message: message },
  });
  const reply = {
    originationNumber: '+380671110001',
    destinationNumber: '+380500000000',
    messageBody: 'НІ',
    inboundMessageId: 'in-1',
  };

  it('decodes the reply the SNS message carries', () => {
    expect(inboundSmsRecordSchema.parse(record(JSON.stringify(reply)))).toEqual({
      snsMessageId: 'sns-1',
      payload: reply,
    });
  });

  it('has no payload when the message is not JSON or not a reply (dropped, not retried)', () => {
    expect(inboundSmsRecordSchema.parse(record('{not json')).payload).toBeUndefined();
    expect(inboundSmsRecordSchema.parse(record('{"hello":1}')).payload).toBeUndefined();
  });

  it('refuses a record that is not from SNS (a wiring fault: Lambda retries)', () => {
    expect(() => inboundSmsRecordSchema.parse({ EventSource: 'aws:sqs', Sns: {} })).toThrow();
  });
});
