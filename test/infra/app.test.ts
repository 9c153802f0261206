import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/constructs/app-function';
import { synthStacks } from './helpers';

const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs infra/app.ts the way the CDK CLI does (cdk.json "app"), with bundling skipped. */
function runApp(context: Record<string, unknown>) {
  const outDir = mkdtempSync(join(tmpdir(), 'hromada-cdk-'));
  outDirs.push(outDir);
  const result = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['infra/app.ts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      CDK_OUTDIR: outDir,
      CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [], ...context }),
    },
  });
  return { ...result, outDir };
}

describe('the CDK app', () => {
  it('synthesizes both stacks of a stage into one cloud assembly', () => {
    const { app, stateful, stateless } = synthStacks({
      stage: 'staging',
      consoleOrigins: 'https://c.example.org',
    });
    const assembly = app.synth();
    expect(assembly.stacks.map((stack) => stack.stackName).sort()).toEqual([
      'hromada-staging-console',
      'hromada-staging-stateful',
      'hromada-staging-stateless',
    ]);
    expect(stateless.dependencies).toContain(stateful);
    expect(stateful.dependencies).not.toContain(stateless);
    expect(stateless.region).toBe('eu-central-1');
  });

  it('runs from cdk.json and writes a cloud assembly', () => {
    const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { app: string };
    expect(cdkJson.app).toBe('npx tsx infra/app.ts');
    const { status, stderr, outDir } = runApp({ stage: 'dev' });
    expect(stderr).not.toMatch(/Error/);
    expect(status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string }>;
    };
    expect(Object.keys(manifest.artifacts)).toEqual(
      expect.arrayContaining(['hromada-dev-stateful', 'hromada-dev-stateless']),
    );
  });

  it('fails fast with a readable message on bad configuration', () => {
    const { status, stderr } = runApp({ smsSenderId: '1234' });
    expect(status).toBe(1);
    expect(stderr).toContain('Invalid deployment configuration');
    expect(stderr).toContain('smsSenderId');
  });
});
