/**
 * No full phone number in the logs (issue 13, item 9): the functions that handle phones (api,
 * inbound-sms, send-sms, ivr) run on DynamoDB Local at log level DEBUG, with a send refused by the
 * provider, while everything written to stdout and stderr is captured and scanned.
 */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { SNSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outboxFilterPattern } from '../../events/contracts/outbox-stream-record';
import type { AnyHandler } from '../../infra/local/lambda-context';
import { lambdaContext } from '../../infra/local/lambda-context';
import { StreamPoller } from '../../infra/local/stream-poller';
import { logger } from '../../shared/observability/logger';
import { apiEvent, loadEvent } from '../support/api-events';
import { taxiRequest } from '../support/fixtures';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';

/** A full Ukrainian number, with or without its plus: what a log line must never hold. */
const FULL_NUMBER = /\+?380\d{9}/;
const sns = mockClient(SNSClient);
const captured: string[] = [];
let call: Call;
let streamArn: string;
let endpoint: string;

function capture(stream: NodeJS.WriteStream) {
  const write = stream.write.bind(stream);
  return vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
    captured.push(String(chunk));
    return write(chunk as string, ...rest);
  }) as typeof stream.write);
}

beforeAll(async () => {
  const fresh = await apiOnFreshTable('masking');
  call = fresh.call;
  ({ streamArn, endpoint } = fresh.table);
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  logger.setLogLevel('DEBUG');
  capture(process.stdout);
  capture(process.stderr);
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
  sns.reset();
});

describe('the logs of a test run', () => {
  it('hold no full phone number of the residents served', async () => {
    await createDemoHromada(call);
    const resident = (await call(loadEvent('api/post-resident.json'))).body;
    const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await call(apiEvent('POST', '/hromady/khmilnytska/requests', taxiRequest(resident.id, date, '10:00')));
    await call(apiEvent('GET', '/hromady/khmilnytska/callers?phone=+380671234567'));
    await call(apiEvent('GET', '/hromady/khmilnytska/callers?phone=+38067123456'));
    await call(apiEvent('GET', `/hromady/khmilnytska/residents/${resident.id}/export`));

    // the provider refuses the SMS with the number in its message
    sns.on(PublishCommand).rejects(
      Object.assign(new Error('Invalid parameter: PhoneNumber Reason: +380671234567 is not valid'), {
        name: 'InvalidParameterException',
      }),
    );
    const sendSms = (await import('../../functions/send-sms/handler')).handler as AnyHandler;
    const poller = new StreamPoller(streamArn, endpoint, {
      functionName: 'send-sms',
      handler: sendSms,
      filter: outboxFilterPattern,
      batchSize: 10,
      retryAttempts: 1,
      retryDelayMs: 10,
      failedRecordsFile: `/tmp/masking-failed-${process.pid}.jsonl`,
    });
    expect(await poller.drain()).toBeGreaterThanOrEqual(1);

    const inboundSms = (await import('../../functions/inbound-sms/handler')).handler as AnyHandler;
    await inboundSms(loadEvent<SNSEvent>('sns/inbound-sms.json'), lambdaContext('inbound-sms'));
    const ivr = (await import('../../functions/ivr/handler')).handler as AnyHandler;
    await ivr(loadEvent('connect/contact-flow-menu.json'), lambdaContext('ivr'));

    const output = captured.join('\n');
    expect(output).toMatch(/outbox message|inbound SMS|call step/); // the capture saw the logs
    expect(output.match(FULL_NUMBER)?.[0]).toBeUndefined();
  });
});
