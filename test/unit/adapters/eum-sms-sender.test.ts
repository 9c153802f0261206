import {
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EumSmsSender } from '../../../shared/adapters/eum/eum-sms-sender';
import { loadConfig } from '../../../shared/config/config';

const eum = mockClient(PinpointSMSVoiceV2Client);
const sender = (options: Partial<ConstructorParameters<typeof EumSmsSender>[1]> = {}) =>
  new EumSmsSender(new PinpointSMSVoiceV2Client({ region: 'eu-central-1' }), {
    configurationSetName: 'hromada-prod-sms',
    ...options,
  });

describe('EumSmsSender', () => {
  beforeEach(() => eum.reset());

  it('sends TRANSACTIONAL under the configuration set, with our outbox id as context', async () => {
    eum.on(SendTextMessageCommand).resolves({ MessageId: 'eum-1' });
    const result = await sender({ originationIdentity: 'KhmilnykSoc' }).send({
      to: '+380671234567',
      text: 'Соцтаксі 24.11 між 08:45-09:15. Скасувати: НІ',
      reference: 'book-01J',
    });
    expect(result).toEqual({ ok: true, providerMessageId: 'eum-1' });
    expect(eum.commandCalls(SendTextMessageCommand)[0]!.args[0].input).toEqual({
      DestinationPhoneNumber: '+380671234567',
      MessageBody: 'Соцтаксі 24.11 між 08:45-09:15. Скасувати: НІ',
      MessageType: 'TRANSACTIONAL',
      ConfigurationSetName: 'hromada-prod-sms',
      OriginationIdentity: 'KhmilnykSoc',
      Context: { outboxId: 'book-01J' },
    });
  });

  it("caps the price at the message's segments times the price per segment; the hromada's sender wins", async () => {
    eum.on(SendTextMessageCommand).resolves({ MessageId: 'eum-2' });
    // 71 Cyrillic characters: two UCS-2 segments.
    await sender({ originationIdentity: 'Default', maxPricePerSegmentUsd: 0.07 }).send({
      to: '+380671234567',
      text: 'ж'.repeat(71),
      senderId: 'Info',
    });
    const input = eum.commandCalls(SendTextMessageCommand)[0]!.args[0].input;
    expect(input.MaxPrice).toBe('0.14000');
    expect(input.OriginationIdentity).toBe('Info');
  });

  it('tells a throttle (try later) from a refusal (failed for good)', async () => {
    eum.on(SendTextMessageCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    expect(await sender().send({ to: '+380671234567', text: 'x' })).toMatchObject({
      ok: false,
      retryable: true,
    });
    eum.reset();
    eum.on(SendTextMessageCommand).rejects(
      new ValidationException({
        message: 'MaxPrice exceeded',
        Reason: 'PRICE_OVER_THRESHOLD',
        $metadata: {},
      }),
    );
    expect(await sender().send({ to: '+380671234567', text: 'x' })).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('ValidationException'),
    });
  });

  it('the eum transport needs a configuration set (checked at cold start)', () => {
    const env = { TABLE_NAME: 'table', AWS_REGION: 'eu-central-1', SMS_TRANSPORT: 'eum' };
    expect(() => loadConfig(env)).toThrow(/SMS_CONFIGURATION_SET is required/);
    expect(loadConfig({ ...env, SMS_CONFIGURATION_SET: 'hromada-prod-sms' }).SMS_TRANSPORT).toBe('eum');
  });
});
