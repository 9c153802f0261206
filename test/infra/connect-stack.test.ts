import { readFileSync } from 'node:fs';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DeployConfigError, loadDeployConfig } from '../../infra/stacks/deploy-config';
import { defineStacks } from '../../infra/stacks/index';
import { newTestApp, synthStacks } from './helpers';

const INSTANCE = 'arn:aws:connect:eu-central-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa';
const QUEUE = `${INSTANCE}/queue/4f2b9a1e-0c55-4d2e-8e3a-7d1b6c9f0a11`;
const CONNECT = {
  connect: 'true',
  connectInstanceArn: INSTANCE,
  connectQueueArn: QUEUE,
  ivrPromptsUri: 's3://khm-phone-prompts/uk',
};

function connectTemplate(): Template {
  const stacks = synthStacks(CONNECT);
  if (!stacks.connect) throw new Error('no connect stack');
  return Template.fromStack(stacks.connect);
}

describe('the phone line stack (-c connect=true)', () => {
  it('is not created without connect=true', () => {
    expect(synthStacks().connect).toBeUndefined();
  });

  it('refuses connect=true without the instance, the queue and the prompts', () => {
    const app = newTestApp({ connect: 'true' });
    expect(() => loadDeployConfig({ context: (key) => app.node.tryGetContext(key), env: {} })).toThrow(
      DeployConfigError,
    );
  });

  const template = connectTemplate();

  it('has the ivr function, answering within Connect’s 8 s, with the prompts’ location', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Timeout: 7,
      Environment: {
        Variables: Match.objectLike({ IVR_PROMPTS_URI: 's3://khm-phone-prompts/uk', SMS_TRANSPORT: 'sns' }),
      },
    });
  });

  it('lets this Connect instance (only) invoke it, and associates it with the instance', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'connect.amazonaws.com',
      SourceArn: INSTANCE,
    });
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      InstanceId: INSTANCE,
      IntegrationType: 'LAMBDA_FUNCTION',
    });
  });

  it('deploys the contact flow from the repository, its placeholders filled', () => {
    const flows = template.findResources('AWS::Connect::ContactFlow');
    const [flow] = Object.values(flows) as { Properties: Record<string, unknown> }[];
    if (!flow) throw new Error('no contact flow');
    expect(flow.Properties).toMatchObject({ InstanceArn: INSTANCE, Type: 'CONTACT_FLOW' });
    const [text, values] = (flow.Properties.Content as { 'Fn::Sub': [string, Record<string, unknown>] })[
      'Fn::Sub'
    ];
    expect(text).toBe(
      readFileSync(new URL('../../infra/connect/contact-flow.json', import.meta.url), 'utf8'),
    );
    expect(Object.keys(values).sort()).toEqual(['DispatchQueueArn', 'IvrFunctionArn', 'PromptsUri']);
    expect(values).toMatchObject({ DispatchQueueArn: QUEUE, PromptsUri: 's3://khm-phone-prompts/uk' });
    // every placeholder in the flow is filled
    for (const [, name] of text.matchAll(/\$\{(\w+)\}/g)) expect(Object.keys(values)).toContain(name);
  });

  it('is one more stack beside the two', () => {
    const app = newTestApp(CONNECT);
    const config = loadDeployConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
    expect(defineStacks(app, config).connect?.stackName).toBe('hromada-dev-connect');
  });
});
