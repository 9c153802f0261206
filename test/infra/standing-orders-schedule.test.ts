import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { standingOrdersScheduleSchema } from '../../events/contracts/standing-orders-schedule';
import { logicalId, resourcesOfType, synthStacks } from './helpers';

const { statelessTemplate: template } = synthStacks({ smsSenderId: 'Bucha' });

describe('generate-standing-orders: daily schedule', () => {
  it('runs at 05:00 Europe/Kyiv, no flexible window, with retries, its own role and the input the function accepts', () => {
    const fn = logicalId(template, 'AWS::Lambda::Function', 'GenerateStandingOrdersFunction');
    const roleId = logicalId(template, 'AWS::IAM::Role', 'StandingOrdersSchedulerRole');
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 5 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Kyiv',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [fn, 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: Match.anyValue() },
        Input: Match.anyValue(),
      },
    });
    const schedule = Object.values(resourcesOfType(template, 'AWS::Scheduler::Schedule')).find(
      (s) => s.Properties.ScheduleExpression === 'cron(0 5 * * ? *)',
    )!;
    const input = JSON.parse((schedule.Properties.Target as { Input: string }).Input);
    expect(standingOrdersScheduleSchema.parse(input)).toEqual({ job: 'generate-standing-orders' });
  });

  it('the scheduler role can only invoke the generate-standing-orders function', () => {
    const roleId = logicalId(template, 'AWS::IAM::Role', 'StandingOrdersSchedulerRole');
    const arn = {
      'Fn::GetAtt': [logicalId(template, 'AWS::Lambda::Function', 'GenerateStandingOrdersFunction'), 'Arn'],
    };
    const statements = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: unknown[] }).Statement);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [arn, { 'Fn::Join': ['', [arn, ':*']] }],
      },
    ]);
  });
});
