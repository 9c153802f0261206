#!/usr/bin/env -S npx tsx
/**
 * CDK entry point: `npm run synth`, `npx cdk deploy --all -c stage=prod -c smsSenderId=...`.
 * Configuration (context, then HROMADA_* env vars) is validated in infra/stacks/deploy-config.ts.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DeployConfigError, loadDeployConfig } from './stacks/deploy-config';
import { defineStacks } from './stacks/index';

const app = new App();
try {
  const config = loadDeployConfig({ context: (key) => app.node.tryGetContext(key), env: process.env });
  defineStacks(app, config);
  // cdk-nag's AwsSolutions rules on every synth; kept findings: infra/stacks/nag-acknowledgements.ts
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
} catch (error) {
  if (error instanceof DeployConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
app.synth();
