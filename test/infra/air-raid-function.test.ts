import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AIR_RAID_INPUT, feedEnvironment } from '../../infra/stacks/air-raid-function';
import { logicalId, resourcesOfType, synthStacks } from './helpers';

type Template = ReturnType<typeof synthStacks>['statelessTemplate'];

/** The poll function's environment in a synthesized stateless stack. */
function pollVariables(template: Template): Record<string, unknown> {
  const id = logicalId(template, 'AWS::Lambda::Function', 'PollAirRaidsFunction');
  const fn = resourcesOfType(template, 'AWS::Lambda::Function')[id]!.Properties as {
    Environment: { Variables: Record<string, unknown> };
  };
  return fn.Environment.Variables;
}

const FEED = 'https://alerts.example/v1/alerts/active.json';

describe('poll-air-raids: the air-raid feed and the shifts, every minute', () => {
  const { statelessTemplate: template } = synthStacks({ airRaidFeedUrl: FEED });
  const fnId = () => logicalId(template, 'AWS::Lambda::Function', 'PollAirRaidsFunction');
  const secretId = () => logicalId(template, 'AWS::SecretsManager::Secret', 'AirRaidFeedToken');

  it('reads the feed with its token from the secret store, never from a plain variable', () => {
    const fn = resourcesOfType(template, 'AWS::Lambda::Function')[fnId()]!.Properties as {
      Environment: { Variables: Record<string, unknown> };
      Layers: unknown[];
    };
    expect(fn.Environment.Variables).toMatchObject({
      AIR_RAID_FEED: 'http',
      AIR_RAID_FEED_URL: FEED,
      AIR_RAID_FEED_TOKEN_SECRET_ID: { Ref: secretId() },
    });
    expect(JSON.stringify(fn.Environment.Variables)).not.toMatch(/TOKEN"\s*:\s*"/);
    expect(fn.Layers).toHaveLength(1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['secretsmanager:GetSecretValue']),
            Resource: { Ref: secretId() },
          }),
        ]),
      },
    });
  });

  it('is invoked every minute by its own schedule, with its input and no retries', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      Target: {
        Arn: { 'Fn::GetAtt': [fnId(), 'Arn'] },
        Input: JSON.stringify(AIR_RAID_INPUT),
        RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 },
      },
    });
  });

  it('ukrainealarm: chosen by airRaidFeed, its key from the same secret, no URL unless overridden', () => {
    const { statelessTemplate: ua } = synthStacks({
      airRaidFeed: 'ukrainealarm',
      airRaidFeedAreas: '{"34": "UA05120000000017020"}',
    });
    const secret = logicalId(ua, 'AWS::SecretsManager::Secret', 'AirRaidFeedToken');
    const vars = pollVariables(ua);
    expect(vars).toMatchObject({
      AIR_RAID_FEED: 'ukrainealarm',
      AIR_RAID_FEED_TOKEN_SECRET_ID: { Ref: secret },
      AIR_RAID_FEED_AREAS: '{"34": "UA05120000000017020"}',
    });
    expect(vars.AIR_RAID_FEED_URL).toBeUndefined();
    ua.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['secretsmanager:GetSecretValue']),
            Resource: { Ref: secret },
          }),
        ]),
      },
    });
  });

  it("ukrainealarm: its base when overridden, as its own variable; alerts.in.ua's URL never reaches it", () => {
    const { statelessTemplate: ua } = synthStacks({
      airRaidFeed: 'ukrainealarm',
      airRaidFeedBaseUrl: 'https://ua-alarm-proxy.example.org',
      airRaidFeedAreas: '{"34": "UA05120000000017020"}',
    });
    const vars = pollVariables(ua);
    expect(vars).toMatchObject({
      AIR_RAID_FEED: 'ukrainealarm',
      AIR_RAID_FEED_BASE_URL: 'https://ua-alarm-proxy.example.org',
    });
    expect(vars.AIR_RAID_FEED_URL).toBeUndefined();
    expect(() =>
      synthStacks({
        airRaidFeed: 'ukrainealarm',
        airRaidFeedUrl: FEED,
        airRaidFeedAreas: '{"34": "UA05120000000017020"}',
      }),
    ).toThrow(/airRaidFeedUrl: alerts\.in\.ua's URL, not used with airRaidFeed ukrainealarm/);
    expect(
      feedEnvironment({ airRaidFeed: 'ukrainealarm', airRaidFeedUrl: FEED }, 'arn').AIR_RAID_FEED_URL,
    ).toBeUndefined();
  });

  it('ukrainealarm without the table of its raions and hromady is not synthesized (no oblast-wide alarms since Nov 2025)', () => {
    expect(() => synthStacks({ airRaidFeed: 'ukrainealarm' })).toThrow(
      /airRaidFeedAreas: required with airRaidFeed ukrainealarm/,
    );
  });

  it('alerts-in-ua chosen by name needs its URL', () => {
    expect(() => synthStacks({ airRaidFeed: 'alerts-in-ua' })).toThrow(/airRaidFeedUrl/);
  });

  it('without a feed URL still runs (dispatchers set alerts; their stops are shifted)', () => {
    const { statelessTemplate: bare } = synthStacks();
    const id = logicalId(bare, 'AWS::Lambda::Function', 'PollAirRaidsFunction');
    const fn = resourcesOfType(bare, 'AWS::Lambda::Function')[id]!.Properties as {
      Environment: { Variables: Record<string, unknown> };
    };
    expect(fn.Environment.Variables.AIR_RAID_FEED).toBe('none');
  });
});
