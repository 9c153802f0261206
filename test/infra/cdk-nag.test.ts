import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../../infra/stacks/deploy-config';
import { defineStacks } from '../../infra/stacks/index';
import { CONNECT_CONTEXT as CONNECT, newTestApp } from './helpers';

/** Both stacks of `context`'s stage, synthesised with cdk-nag as `cdk synth` runs it (infra/app.ts). */
function nagged(context: Record<string, unknown>) {
  const app = newTestApp(context);
  const config = loadDeployConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
  const stacks = defineStacks(app, config);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { ...stacks, findings: synthFindings(app) };
}

/** The rules that failed validation, as `rule severity at construct path` ([] when synth passed). */
function synthFindings(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (error) {
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: {
        violations: {
          ruleName: string;
          severity: string;
          violatingConstructs?: { constructPath: string }[];
        }[];
      }[];
    };
    const found = report.pluginReports.flatMap((plugin) =>
      plugin.violations.flatMap((v) =>
        (v.violatingConstructs ?? [{ constructPath: '?' }]).map(
          (c) => `${v.ruleName} ${v.severity} at ${c.constructPath}`,
        ),
      ),
    );
    if (found.length === 0) throw error;
    return found;
  }
}

type Acknowledged = { id: string; reason: string };
function acknowledgementsUnder(scope: IConstruct): Acknowledged[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      // CDK records each acknowledgement as { [ruleId]: reason }
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({
          id,
          reason: reason as string,
        })),
      ),
  );
}

describe.each([
  ['dev', {}],
  ['prod', { stage: 'prod', consoleOrigins: 'https://console.example.org', alarmEmail: 'ops@example.org' }],
  ['dev with the phone line', CONNECT],
  [
    'prod with End User Messaging receipts',
    { stage: 'prod', consoleOrigins: 'https://console.example.org', smsTransport: 'eum' },
  ],
  [
    'prod with the console signed in through the hosted UI',
    {
      stage: 'prod',
      consoleUrl: 'https://console.example.org/',
      cognitoDomainPrefix: 'khm-dispatch',
      mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    },
  ],
])('cdk-nag AwsSolutions, %s stage', (_stage, context) => {
  const { stateful, stateless, console: consoleStack, findings } = nagged(context);

  it('every stack: no finding (error or warning) left unacknowledged', () => {
    expect(findings).toEqual([]);
  });

  it.each([
    ['stateful', stateful],
    ['stateless', stateless],
    ['console', consoleStack],
  ])('%s stack: every acknowledgement has a written reason', (_name, stack) => {
    const acknowledged = acknowledgementsUnder(stack);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledged) {
      expect({ id, reasoned: typeof reason === 'string' && reason.trim().length >= 40 }).toEqual({
        id,
        reasoned: true,
      });
    }
  });
});

describe('the check itself', () => {
  it('reports a real finding (a queue that accepts plain HTTP), so an empty list means something', () => {
    const app = newTestApp();
    new sqs.Queue(new Stack(app, 'Probe'), 'Plain', { enforceSSL: false });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(synthFindings(app)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AwsSolutions-SQS4 error at Probe\/Plain/)]),
    );
  });
});
