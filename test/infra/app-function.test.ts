import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AppFunction, DEFAULT_ENVIRONMENT, mergeEnvironment } from '../../infra/constructs/app-function';

const testStack = () =>
  new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Test', {
    env: { region: 'eu-central-1' },
  });

describe('mergeEnvironment', () => {
  it('keeps the defaults and adds per-function variables', () => {
    expect(mergeEnvironment({ A: '1', B: '2' }, { C: '3' })).toEqual({ A: '1', B: '2', C: '3' });
  });

  it('refuses to overwrite a default by accident', () => {
    expect(() =>
      mergeEnvironment({ POWERTOOLS_LOG_LEVEL: 'INFO' }, { POWERTOOLS_LOG_LEVEL: 'DEBUG' }),
    ).toThrow(/POWERTOOLS_LOG_LEVEL.*defaults/);
  });

  it('allows a deliberate override of an existing default only', () => {
    expect(mergeEnvironment({ POWERTOOLS_LOG_LEVEL: 'INFO' }, {}, { POWERTOOLS_LOG_LEVEL: 'DEBUG' })).toEqual(
      {
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
      },
    );
    expect(() =>
      mergeEnvironment({ POWERTOOLS_LOG_LEVEL: 'INFO' }, {}, { POWERTOOLS_LOG_LEVL: 'DEBUG' }),
    ).toThrow(/POWERTOOLS_LOG_LEVL/);
  });

  it('refuses variables reserved by Lambda', () => {
    expect(() => mergeEnvironment({}, { AWS_REGION: 'x' })).toThrow(/reserved/);
  });
});

describe('AppFunction', () => {
  it('applies the shared defaults: Node 22, arm64, tracing, ESM bundle entry, own log group', () => {
    const stack = testStack();
    new AppFunction(stack, 'Remind', {
      name: 'remind',
      sharedEnvironment: { TABLE_NAME: 't', STAGE: 'dev' },
      environment: { EXTRA: 'yes' },
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      MemorySize: 512,
      Timeout: 10,
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^RemindLogGroup') } },
      Environment: {
        Variables: { ...DEFAULT_ENVIRONMENT, TABLE_NAME: 't', STAGE: 'dev', EXTRA: 'yes' },
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('throws when per-function environment clashes with a default or shared variable', () => {
    expect(
      () => new AppFunction(testStack(), 'F', { name: 'remind', environment: { NODE_OPTIONS: '' } }),
    ).toThrow(/NODE_OPTIONS/);
    expect(
      () =>
        new AppFunction(testStack(), 'F', {
          name: 'remind',
          sharedEnvironment: { TABLE_NAME: 't' },
          environment: { TABLE_NAME: 'other' },
        }),
    ).toThrow(/TABLE_NAME/);
  });

  it('rejects a missing entry file or a bad name', () => {
    expect(() => new AppFunction(testStack(), 'F', { name: 'no-such-function' })).toThrow(/does not exist/);
    expect(() => new AppFunction(testStack(), 'F', { name: '../api' })).toThrow(/kebab-case/);
  });

  it('grants SMS publishing only through grantSmsPublish, narrowed by region', () => {
    const stack = testStack();
    new AppFunction(stack, 'Plain', { name: 'api' });
    const sms = new AppFunction(stack, 'Sms', { name: 'send-sms' });
    sms.grantSmsPublish();
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
    const statementsOf = (prefix: string) =>
      Object.entries(policies)
        .filter(([id]) => id.startsWith(prefix))
        .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as { Action: unknown }[]);
    expect(statementsOf('Sms')).toContainEqual({
      Sid: 'PublishSmsToPhoneNumbers',
      Effect: 'Allow',
      Action: 'sns:Publish',
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-central-1' } },
    });
    expect(JSON.stringify(statementsOf('Plain'))).not.toContain('sns:');
  });
});
