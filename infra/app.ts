#!/usr/bin/env -S npx tsx
/**
 * CDK entry point: `npm run synth`, `npx cdk deploy --all -c stage=prod -c smsSenderId=...`.
 * Configuration (context, then HROMADA_* env vars) is validated in infra/stacks/config.ts.
 */
import { App } from 'aws-cdk-lib';
import { ConfigError, loadConfig } from './stacks/config';
import { defineStacks } from './stacks/index';

const app = new App();
try {
  const config = loadConfig({ context: (key) => app.node.tryGetContext(key), env: process.env });
  defineStacks(app, config);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
app.synth();
