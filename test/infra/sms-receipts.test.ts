import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalId, resourcesOfType, synthStacks } from './helpers';

describe('SMS through End User Messaging with delivery receipts (-c smsTransport=eum)', () => {
  it('is not there with the default SNS transport', () => {
    const { stateless, statelessTemplate } = synthStacks();
    expect(stateless.smsReceipts).toBeUndefined();
    statelessTemplate.resourceCountIs('AWS::SMSVOICE::ConfigurationSet', 0);
    statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SMS_TRANSPORT: 'sns' }) },
    });
  });

  const { statefulTemplate, statelessTemplate } = synthStacks({
    smsTransport: 'eum',
    smsMaxPricePerSegmentUsd: '0.08',
  });

  it('publishes every SMS event of the configuration set to the receipts topic', () => {
    statelessTemplate.hasResourceProperties('AWS::SMSVOICE::ConfigurationSet', {
      ConfigurationSetName: 'hromada-dev-sms',
      EventDestinations: [
        Match.objectLike({
          Enabled: true,
          MatchingEventTypes: ['TEXT_ALL'],
          SnsDestination: { TopicArn: Match.anyValue() },
        }),
      ],
    });
    statefulTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'EndUserMessagingPublishesReceipts',
            Principal: { Service: 'sms-voice.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
  });

  it('sends under the set, with its price cap, and may call SendTextMessage only', () => {
    const sendSms = Object.values(resourcesOfType(statelessTemplate, 'AWS::Lambda::Function')).find((fn) =>
      (fn.Properties.Description as string).startsWith('Outbox sender'),
    );
    expect(sendSms?.Properties.Environment).toMatchObject({
      Variables: {
        SMS_TRANSPORT: 'eum',
        SMS_CONFIGURATION_SET: expect.anything(),
        SMS_ORIGINATION_IDENTITY: 'HROMADA',
        SMS_MAX_PRICE_PER_SEGMENT_USD: '0.08',
      },
    });
    statelessTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'SendTextUnderTheConfigurationSet', Action: 'sms-voice:SendTextMessage' }),
        ]),
      },
    });
  });

  it('runs the sms-receipts function on the topic, dead-lettering what it cannot take', () => {
    const fn = logicalId(statelessTemplate, 'AWS::Lambda::Function', 'SmsReceiptsFunction');
    statelessTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [fn, 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue() },
    });
  });
});
