import { Logger } from '@aws-lambda-powertools/logger';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { outboxFilterPattern } from '../../events/contracts/outbox-stream-record';
import {
  announceScheduleSchema,
  remindScheduleSchema,
  sweepScheduleSchema,
} from '../../events/contracts/schedule';
import { apiRoutes } from '../../functions/api/routes';
import { DEFAULT_ENVIRONMENT } from '../../infra/constructs/app-function';
import { DEFAULT_SMS_PRICE_PER_SEGMENT_USD } from '../../shared/config/config';
import { SEND_LEASE_SECONDS } from '../../shared/domain/entities/outbox-message';
import { METRIC, METRICS_NAMESPACE } from '../../shared/observability/metric-names';
import { memoryPorts } from '../support/fixtures';
import { logicalId, resourcesOfType, synthStacks } from './helpers';

const { statelessTemplate: template } = synthStacks({ smsSenderId: 'Bucha', logLevel: 'DEBUG' });

const FUNCTIONS = {
  Api: {},
  Plan: { TRAVEL_TIMES: 'offline' },
  SendSms: { SMS_SENDER_ID: 'Bucha', SMS_PRICE_PER_SEGMENT_USD: String(DEFAULT_SMS_PRICE_PER_SEGMENT_USD) },
  Remind: {},
  InboundSms: {},
  SweepOutbox: {},
  GenerateStandingOrders: {},
} as const;

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** Every statement of the inline policies attached to the role of function `prefix`. */
function statementsOf(tpl: Template, prefix: string): Statement[] {
  const roleId = logicalId(tpl, 'AWS::IAM::Role', `${prefix}FunctionServiceRole`);
  return Object.values(resourcesOfType(tpl, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}
const actionsOf = (tpl: Template, prefix: string): string[] =>
  statementsOf(tpl, prefix).flatMap((statement) => [statement.Action].flat());

describe('functions', () => {
  it.each(Object.entries(FUNCTIONS))(
    '%s: Node 22, arm64, tracing, own log group, merged env',
    (id, extra) => {
      const fnId = logicalId(template, 'AWS::Lambda::Function', `${id}Function`);
      const fn = resourcesOfType(template, 'AWS::Lambda::Function')[fnId]!.Properties;
      expect(fn).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
      });
      const logGroupId = logicalId(template, 'AWS::Logs::LogGroup', `${id}LogGroup`);
      expect(fn.LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
      expect(resourcesOfType(template, 'AWS::Logs::LogGroup')[logGroupId]!.Properties.RetentionInDays).toBe(
        30,
      );

      const variables = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: DEFAULT_ENVIRONMENT.POWERTOOLS_SERVICE_NAME,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_LOG_LEVEL: 'DEBUG', // deliberate override from config
        SMS_TRANSPORT: 'sns',
        ...extra,
      });
      expect(variables.TABLE_NAME).toEqual({ 'Fn::ImportValue': expect.stringContaining('Table') });
      // only what the functions read (shared/config/config.ts)
      expect(variables).not.toHaveProperty('STAGE');
      expect(variables).not.toHaveProperty('SMS_TYPE');
    },
  );

  it('has exactly the eight functions', () => {
    template.resourceCountIs('AWS::Lambda::Function', 8);
  });
});

describe('send-sms: outbox stream consumer', () => {
  it('is filtered to pending outbox items, reports item failures, bisects, retries and dead-letters', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    const mapping = Object.values(resourcesOfType(template, 'AWS::Lambda::EventSourceMapping'))[0]!
      .Properties;
    expect(mapping).toMatchObject({
      FunctionName: { Ref: logicalId(template, 'AWS::Lambda::Function', 'SendSmsFunction') },
      EventSourceArn: { 'Fn::ImportValue': expect.stringMatching(/TableCD117FA1StreamArn/) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: expect.any(Number),
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::ImportValue': expect.stringMatching(/StreamDeadLetterQueue.*Arn/) },
        },
      },
    });
    const filters = (mapping.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    const expected = {
      eventName: ['INSERT', 'MODIFY'],
      dynamodb: { NewImage: { entity: { S: ['OutboxMessage'] }, status: { S: ['pending'] } } },
    };
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([expected]);
    // the same pattern as the shared contract the local stream poller uses
    expect(outboxFilterPattern).toEqual(expected);
  });
});

/** The parsed target input of the schedule with `expression`. */
function scheduleInput(expression: string, job?: string): unknown {
  const inputs = Object.values(resourcesOfType(template, 'AWS::Scheduler::Schedule'))
    .filter((s) => s.Properties.ScheduleExpression === expression)
    .map((s) => JSON.parse((s.Properties.Target as { Input: string }).Input) as { job?: string });
  // two schedules run every 15 minutes (reminders, announcements): told apart by their job
  return job === undefined ? inputs[0] : inputs.find((input) => input.job === job);
}

/** The scheduler role `roleName` assumes only for the scheduler and may invoke only `functionName`. */
function expectInvokeOnly(roleName: string, functionName: string) {
  const roleId = logicalId(template, 'AWS::IAM::Role', roleName);
  const role = resourcesOfType(template, 'AWS::IAM::Role')[roleId]!.Properties;
  expect(JSON.stringify(role.AssumeRolePolicyDocument)).toContain('scheduler.amazonaws.com');
  const arn = { 'Fn::GetAtt': [logicalId(template, 'AWS::Lambda::Function', functionName), 'Arn'] };
  const policies = Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).filter(
    (policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
  );
  expect(
    policies.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement),
  ).toEqual([
    { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [arn, { 'Fn::Join': ['', [arn, ':*']] }] },
  ]);
}

describe('remind: every-15-minute schedule (each hromada at its own reminder time)', () => {
  it('runs every 15 minutes with no flexible window, a retry policy and a dedicated role', () => {
    // reminders, mobile-case announcements, the outbox sweep, standing orders, the air-raid poll
    template.resourceCountIs('AWS::Scheduler::Schedule', 5);
    const roleId = logicalId(template, 'AWS::IAM::Role', 'ReminderSchedulerRole');
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(template, 'AWS::Lambda::Function', 'RemindFunction'), 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
        Input: Match.anyValue(),
      },
    });
  });

  it('sends the input the remind function accepts (events/contracts/schedule)', () => {
    const input = scheduleInput('rate(15 minutes)', 'queue-reminders');
    expect(remindScheduleSchema.parse(input)).toEqual(input);
  });

  it('the scheduler role can only invoke the remind function', () => {
    expectInvokeOnly('ReminderSchedulerRole', 'RemindFunction');
  });
});

describe('remind: mobile-case announcements every 15 minutes', () => {
  it('invokes the remind function with the announcement input it accepts', () => {
    const input = scheduleInput('rate(15 minutes)', 'announce-case-stops');
    expect(announceScheduleSchema.parse(input)).toEqual(input);
  });
});

describe('sweep-outbox: every-minute schedule', () => {
  it('runs every minute with its own role and the input the sweeper accepts', () => {
    const input = scheduleInput('rate(1 minute)');
    expect(sweepScheduleSchema.parse(input)).toEqual(input);
    expectInvokeOnly('SweepSchedulerRole', 'SweepOutboxFunction');
  });

  it("send-sms times out before the outbox lease ends, so an expired claim's sender is gone", () => {
    const fns = resourcesOfType(template, 'AWS::Lambda::Function');
    const sendSms = fns[logicalId(template, 'AWS::Lambda::Function', 'SendSmsFunction')]!.Properties;
    expect(sendSms.Timeout as number).toBeLessThan(SEND_LEASE_SECONDS);
  });
});

describe('HTTP API', () => {
  it('routes $default to the api function with payload 2.0', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(template, 'AWS::Lambda::Function', 'ApiFunction'), 'Arn'] },
    });
  });

  it('gives the api function a full vCPU and a timeout above the longest insertion budget (5 s)', () => {
    const api = template.findResources('AWS::Lambda::Function')[
      logicalId(template, 'AWS::Lambda::Function', 'ApiFunction')
    ] as { Properties: { MemorySize: number; Timeout: number } };
    expect(api.Properties.MemorySize).toBe(1769);
    expect(api.Properties.Timeout).toBeGreaterThan(10);
  });

  it('protects every route with the Cognito JWT authorizer except the ones declared public (GET /health, GET /openapi.json)', () => {
    const authorizerId = logicalId(template, 'AWS::ApiGatewayV2::Authorizer', 'HttpApiConsoleJwt');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ 'Fn::ImportValue': Match.stringLikeRegexp('ConsoleClient') }],
        Issuer: Match.anyValue(),
      },
    });
    const routes = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties,
    );
    const publicKeys = apiRoutes(memoryPorts().ports)
      .filter((route) => route.access === 'public')
      .map((route) => `${route.method} ${route.path}`);
    expect(publicKeys.sort()).toEqual(['GET /health', 'GET /openapi.json']);
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(['$default', ...publicKeys]);
    for (const route of routes) {
      if (publicKeys.includes(route.RouteKey as string)) {
        expect(route.AuthorizationType).toBe('NONE');
      } else {
        expect(route).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      }
    }
  });

  it('throttles the $default stage, logs access and allows CORS only from the console origin', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['http://localhost:5173'],
        AllowHeaders: Match.arrayWith(['idempotency-key']),
        // a job's Location (202) and a 503's Retry-After are read by the console from its own origin
        ExposeHeaders: Match.arrayWith(['location', 'retry-after']),
      }),
    });
  });
});

describe('api: pagination cursor secret', () => {
  const fns = resourcesOfType(template, 'AWS::Lambda::Function');
  const fnOf = (id: string) => fns[logicalId(template, 'AWS::Lambda::Function', `${id}Function`)]!.Properties;
  const variablesOf = (id: string) =>
    (fnOf(id).Environment as { Variables: Record<string, unknown> }).Variables;
  const secretId = logicalId(template, 'AWS::SecretsManager::Secret', 'CursorSecret');

  it('is a generated Secrets Manager secret the api reads by ARN, never a value in the environment', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
    });
    expect(variablesOf('Api').CURSOR_SECRET_ID).toEqual({ Ref: secretId });
    for (const id of Object.keys(FUNCTIONS)) expect(variablesOf(id)).not.toHaveProperty('CURSOR_SECRET');
  });

  it('gives the api the Parameters and Secrets extension and read access to that secret only', () => {
    expect(JSON.stringify(fnOf('Api').Layers)).toMatch(/AWS-Parameters-and-Secrets-Lambda-Extension/);
    const read = statementsOf(template, 'Api').find((s) =>
      [s.Action].flat().includes('secretsmanager:GetSecretValue'),
    );
    expect(read?.Resource).toEqual({ Ref: secretId });
    for (const id of ['SendSms', 'Remind', 'InboundSms'])
      expect(actionsOf(template, id).some((action) => action.startsWith('secretsmanager:'))).toBe(false);
  });
});

describe('inbound-sms: two-way SMS replies', () => {
  it('is subscribed to the inbound topic, with undeliverable notifications dead-lettered', () => {
    const subscription = Object.values(resourcesOfType(template, 'AWS::SNS::Subscription'))[0]!.Properties;
    expect(subscription).toMatchObject({
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [logicalId(template, 'AWS::Lambda::Function', 'InboundSmsFunction'), 'Arn'] },
      TopicArn: { 'Fn::ImportValue': expect.stringContaining('InboundSmsTopic') },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::ImportValue': expect.stringContaining('DeadLetter') } },
    });
  });
});

describe('IAM least privilege', () => {
  const all = JSON.stringify(template.toJSON());

  it('never grants wildcard service actions', () => {
    expect(all).not.toMatch(/"(dynamodb|sns|sqs|kms|lambda):\*"/);
  });

  it('lets send-sms publish SMS and nobody else', () => {
    expect(actionsOf(template, 'SendSms')).toContain('sns:Publish');
    expect(actionsOf(template, 'Api').some((action) => action.startsWith('sns:'))).toBe(false);
    expect(actionsOf(template, 'Remind').some((action) => action.startsWith('sns:'))).toBe(false);
    expect(actionsOf(template, 'InboundSms').some((action) => action.startsWith('sns:'))).toBe(false);
    const publish = statementsOf(template, 'SendSms').find((s) => s.Action === 'sns:Publish')!;
    expect(publish.Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': 'eu-central-1' } });
    expect(actionsOf(template, 'SendSms')).not.toContain('sns:SetSMSAttributes');
  });

  it('gives every function item-level table access but only send-sms stream and DLQ access', () => {
    for (const id of Object.keys(FUNCTIONS)) {
      expect(actionsOf(template, id)).toEqual(
        expect.arrayContaining([
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
        ]),
      );
      expect(actionsOf(template, id)).not.toContain('dynamodb:DeleteTable');
    }
    expect(actionsOf(template, 'SendSms')).toEqual(
      expect.arrayContaining(['dynamodb:DescribeStream', 'sqs:SendMessage']),
    );
    for (const id of ['Api', 'Remind']) {
      expect(actionsOf(template, id)).not.toContain('dynamodb:DescribeStream');
      expect(actionsOf(template, id)).not.toContain('sqs:SendMessage');
    }
  });
});

describe('alarms', () => {
  const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const byMetric = (namespace: string, metricName: string) =>
    alarms.filter((alarm) => alarm.Namespace === namespace && alarm.MetricName === metricName);

  it('all notify the ops topic', () => {
    expect(alarms.length).toBeGreaterThanOrEqual(6);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ 'Fn::ImportValue': expect.stringMatching(/OpsTopic/) }]);
    }
  });

  it('cover the DLQ, function errors, dropped schedule invocations, SMS spend and SMS failures', () => {
    expect(byMetric('AWS/SQS', 'ApproximateNumberOfMessagesVisible')).toEqual([
      expect.objectContaining({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' }),
    ]);
    expect(byMetric('AWS/Lambda', 'Errors')).toHaveLength(8);
    expect(byMetric('AWS/SNS', 'SMSMonthToDateSpentUSD')).toEqual([
      expect.objectContaining({ Threshold: 40 }),
    ]);
    expect(byMetric('AWS/SNS', 'NumberOfNotificationsFailed')).toHaveLength(1);
    expect(byMetric('AWS/Scheduler', 'InvocationDroppedCount')).toHaveLength(1);
  });
});

describe('business metrics: alarms and the dashboard', () => {
  const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const ours = (metricName: string) =>
    alarms.filter((alarm) => alarm.Namespace === METRICS_NAMESPACE && alarm.MetricName === metricName);

  it('alarm on SMS failing for good and on the checker refusing a plan, in total (service dimension)', () => {
    const service = [{ Name: 'service', Value: DEFAULT_ENVIRONMENT.POWERTOOLS_SERVICE_NAME }];
    expect(ours(METRIC.smsFailed)).toEqual([
      expect.objectContaining({
        Statistic: 'Sum',
        Period: 3600,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Dimensions: service,
      }),
    ]);
    expect(ours(METRIC.planCheckerRejected)).toEqual([
      expect.objectContaining({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Dimensions: service,
      }),
    ]);
  });

  it('one dashboard with the SMS, spend, planning and stream metrics and every function', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const dashboard = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Dashboard'))[0]!.Properties;
    const body = JSON.stringify(dashboard.DashboardBody);
    for (const name of Object.values(METRIC)) expect(body).toContain(name);
    expect(body).toContain(`SEARCH('{${METRICS_NAMESPACE},service,hromada}`);
    expect(body).toContain('SMSMonthToDateSpentUSD');
    for (const id of Object.keys(FUNCTIONS)) {
      const fnId = logicalId(template, 'AWS::Lambda::Function', `${id}Function`);
      expect(body).toContain(fnId);
    }
  });

  it('send-sms gets the price per segment that turns segments into estimated spend', () => {
    expect(FUNCTIONS.SendSms.SMS_PRICE_PER_SEGMENT_USD).toBe(String(DEFAULT_SMS_PRICE_PER_SEGMENT_USD));
  });
});

describe('one log-level variable', () => {
  const variablesOf = (tpl: Template) =>
    Object.values(resourcesOfType(tpl, 'AWS::Lambda::Function')).map(
      (fn) => (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables,
    );

  it('the stacks set POWERTOOLS_LOG_LEVEL from the deploy config, and no LOG_LEVEL', () => {
    const defaults = synthStacks().statelessTemplate;
    for (const [tpl, level] of [
      [template, 'DEBUG'],
      [defaults, 'INFO'],
    ] as const) {
      for (const variables of variablesOf(tpl)) {
        expect(variables.POWERTOOLS_LOG_LEVEL).toBe(level);
        expect(variables).not.toHaveProperty('LOG_LEVEL');
      }
    }
  });

  it('is the name the code reads: a Powertools logger built under it logs at that level', () => {
    const saved = { ...process.env };
    try {
      delete process.env.LOG_LEVEL;
      delete process.env.AWS_LAMBDA_LOG_LEVEL;
      process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
      expect(new Logger().getLevelName()).toBe('DEBUG');
    } finally {
      process.env = saved;
    }
  });
});
