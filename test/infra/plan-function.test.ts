import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PLAN_MEMORY_MB, PLAN_VCPUS, PLAN_WORKERS } from '../../infra/stacks/plan-function';
import { LEASE_MARGIN_S } from '../../shared/app/planning/plan-job';
import { TOUR_SECONDS_MAX } from '../../shared/domain/entities/tour';
import { logicalId, resourcesOfType, synthStacks } from './helpers';

const { statelessTemplate: template } = synthStacks();

const FUNCTIONS = ['Api', 'Plan', 'SendSms', 'Remind', 'InboundSms', 'SweepOutbox', 'GenerateStandingOrders'];

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

/** Every statement of the inline policies attached to the role of function `prefix`. */
function statementsOf(tpl: Template, prefix: string): Statement[] {
  const roleId = logicalId(tpl, 'AWS::IAM::Role', `${prefix}FunctionServiceRole`);
  return Object.values(resourcesOfType(tpl, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}
const actionsOf = (tpl: Template, prefix: string): string[] =>
  statementsOf(tpl, prefix).flatMap((statement) => [statement.Action].flat());

describe('plan: a day planned in the background', () => {
  const fnId = () => logicalId(template, 'AWS::Lambda::Function', 'PlanFunction');
  const planFn = () =>
    resourcesOfType(template, 'AWS::Lambda::Function')[fnId()]!.Properties as {
      MemorySize: number;
      Timeout: number;
    };

  it('has more memory than the api and a timeout of minutes: the longest budget and the lease margin fit', () => {
    expect(planFn().MemorySize).toBe(PLAN_MEMORY_MB);
    expect(planFn().MemorySize).toBeGreaterThan(1769);
    expect(planFn().Timeout).toBe(15 * 60);
    expect(planFn().Timeout).toBeGreaterThanOrEqual(600 + LEASE_MARGIN_S);
    // a provider's tour job runs in the same function (event kind `tour`)
    expect(planFn().Timeout).toBeGreaterThanOrEqual(TOUR_SECONDS_MAX + LEASE_MARGIN_S);
  });

  it('runs one search per vCPU of its memory (PLAN_WORKERS); the api keeps one', () => {
    const env = (id: string) =>
      (
        resourcesOfType(template, 'AWS::Lambda::Function')[logicalId(template, 'AWS::Lambda::Function', id)]!
          .Properties as { Environment: { Variables: Record<string, unknown> } }
      ).Environment.Variables;
    expect(PLAN_WORKERS).toBe(PLAN_VCPUS);
    expect(planFn().MemorySize).toBe(PLAN_VCPUS * 1769);
    expect(env('PlanFunction').PLAN_WORKERS).toBe(String(PLAN_WORKERS));
    expect(env('ApiFunction')).not.toHaveProperty('PLAN_WORKERS');
  });

  it('is invoked asynchronously without retries; a failed or stale event goes to the dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId() },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: LEASE_MARGIN_S,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::ImportValue': Match.stringLikeRegexp('DeadLetter') } },
      },
    });
  });

  it('may be invoked by the api only, which finds it by name; the api may invoke nothing else', () => {
    const invokes = (id: string) =>
      statementsOf(template, id).filter((s) => [s.Action].flat().some((a) => a.startsWith('lambda:')));
    expect(invokes('Api')).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': [fnId(), 'Arn'] },
      }),
    ]);
    for (const id of FUNCTIONS.filter((f) => f !== 'Api')) expect(invokes(id)).toEqual([]);
    const api = resourcesOfType(template, 'AWS::Lambda::Function')[
      logicalId(template, 'AWS::Lambda::Function', 'ApiFunction')
    ]!.Properties as { Environment: { Variables: Record<string, unknown> } };
    expect(api.Environment.Variables.PLAN_FUNCTION_NAME).toEqual({ Ref: fnId() });
    // no resource policy lets anything else (an API Gateway, a schedule) call it
    const permissions = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission')).filter((p) =>
      JSON.stringify(p.Properties.FunctionName).includes(fnId()),
    );
    expect(permissions).toEqual([]);
  });

  it('reads and writes the table', () => {
    expect(actionsOf(template, 'Plan')).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem']),
    );
  });
});
