import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { REPO_ROOT } from '../../infra/constructs/app-function';
import { loadDeployConfig } from '../../infra/stacks/deploy-config';
import { defineStacks, type HromadaStacks } from '../../infra/stacks/index';

/** Feature flags and other context from cdk.json, so tests see what `cdk synth` sees. */
export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(`${REPO_ROOT}cdk.json`, 'utf8')) as { context: Record<string, unknown> }).context;

/** The phone line's context (`-c connect=true` with an instance, a queue and the prompts). */
export const CONNECT_CONTEXT = {
  connect: 'true',
  connectInstanceArn:
    'arn:aws:connect:eu-central-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa',
  connectQueueArn:
    'arn:aws:connect:eu-central-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa/queue/4f2b9a1e-0c55-4d2e-8e3a-7d1b6c9f0a11',
  ivrPromptsUri: 's3://khm-phone-prompts/uk',
};

/** A fresh app with bundling skipped (fast); `context` plays the role of `-c key=value`. */
export function newTestApp(context: Record<string, unknown> = {}): App {
  return new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
  });
}

export interface SynthResult extends HromadaStacks {
  readonly app: App;
  readonly stateful: HromadaStacks['stateful'];
  readonly stateless: HromadaStacks['stateless'];
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

export function synthStacks(context: Record<string, unknown> = {}): SynthResult {
  const app = newTestApp(context);
  const config = loadDeployConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
  const stacks = defineStacks(app, config);
  return {
    app,
    ...stacks,
    statefulTemplate: Template.fromStack(stacks.stateful),
    statelessTemplate: Template.fromStack(stacks.stateless),
  };
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

export const resourcesOfType = (template: Template, type: string): Resources =>
  template.findResources(type) as Resources;

/** The logical id of the single resource of `type` whose logical id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(resourcesOfType(template, type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1)
    throw new Error(`expected one ${type} starting with ${prefix}, got ${ids.join(', ')}`);
  return ids[0]!;
}
