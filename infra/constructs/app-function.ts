import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Repository root (this file lives in infra/constructs/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Variables every function gets. Per-function `environment` may not redefine them (see mergeEnvironment). */
export const DEFAULT_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: 'hromada-dispatch',
  /** The one log-level variable: the name the Powertools logger reads (shared/observability/logger.ts). */
  POWERTOOLS_LOG_LEVEL: 'INFO',
  NODE_OPTIONS: '--enable-source-maps',
} as const;

export type Environment = Readonly<Record<string, string>>;

/**
 * defaults ⊕ extra, where a key of `extra` that already exists in `defaults` is an error, unless the
 * same key is passed in `overrides` (a deliberate, visible override; it must name an existing default).
 */
export function mergeEnvironment(
  defaults: Environment,
  extra: Environment = {},
  overrides: Environment = {},
): Record<string, string> {
  const clashes = Object.keys(extra).filter((key) => Object.hasOwn(defaults, key));
  if (clashes.length > 0) {
    throw new Error(
      `AppFunction environment: ${clashes.join(', ')} already set by the defaults; ` +
        'use `environmentOverrides` to change a default on purpose',
    );
  }
  const unknown = Object.keys(overrides).filter((key) => !Object.hasOwn(defaults, key));
  if (unknown.length > 0) {
    throw new Error(
      `AppFunction environmentOverrides: ${unknown.join(', ')} is not a default variable; ` +
        'put new variables in `environment`',
    );
  }
  const reserved = [...Object.keys(extra), ...Object.keys(overrides)].filter((key) => key.startsWith('AWS_'));
  if (reserved.length > 0) {
    throw new Error(`AppFunction environment: ${reserved.join(', ')} is reserved by Lambda`);
  }
  return { ...defaults, ...overrides, ...extra };
}

/** Lets `require` work for CommonJS dependencies bundled into the ESM output. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __hromadaCreateRequire } from 'node:module';" +
  'const require = __hromadaCreateRequire(import.meta.url);';

export interface AppFunctionProps {
  /** Folder under functions/: the entry is functions/<name>/handler.ts, export `handler`. */
  readonly name: string;
  readonly description?: string;
  /** @default 512 (arm64: good price/performance for JSON + SDK work) */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** Stack-wide variables (TABLE_NAME, SMS_TRANSPORT, …). Merged with DEFAULT_ENVIRONMENT; may not clash with it. */
  readonly sharedEnvironment?: Environment;
  /** Function-specific variables. May not clash with the defaults or the shared environment. */
  readonly environment?: Environment;
  /** Deliberate overrides of default/shared variables (e.g. POWERTOOLS_LOG_LEVEL: 'DEBUG'). */
  readonly environmentOverrides?: Environment;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  readonly logRemovalPolicy?: RemovalPolicy;
  readonly reservedConcurrentExecutions?: number;
  /** The AWS Parameters and Secrets extension layer, for functions that read a secret at run time. */
  readonly paramsAndSecrets?: lambda.ParamsAndSecretsLayerVersion;
  /**
   * Bundle the routing engine's worker thread beside the handler (`route-solver-worker.mjs`), for a
   * function that plans in worker threads (PLAN_WORKERS > 1).
   */
  readonly routeSolverWorker?: boolean;
}

/** The worker's source, and the file beside the bundle that WorkerThreadRouteSolver looks for. */
export const ROUTE_SOLVER_WORKER = {
  entry: 'shared/adapters/routing/route-solver-worker.ts',
  outfile: 'route-solver-worker.mjs',
};

/** The shell command that bundles the worker into the function's asset (local esbuild, as the handler). */
export function routeSolverWorkerBundling(inputDir: string, outputDir: string): string {
  return [
    `"${inputDir}/node_modules/.bin/esbuild"`,
    `"${inputDir}/${ROUTE_SOLVER_WORKER.entry}"`,
    '--bundle --platform=node --format=esm --target=node22 --minify',
    `--outfile="${outputDir}/${ROUTE_SOLVER_WORKER.outfile}"`,
  ].join(' ');
}

/**
 * One Lambda function of the app: Node 22 on arm64, X-Ray active tracing, its own log group with a
 * retention, ESM bundle built by the local esbuild, and least-privilege grant helpers.
 */
export class AppFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly functionName: string;
  /** Its folder under functions/ (the name infra/function-timeouts.ts keys its timeout by). */
  readonly name: string;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.name = props.name;

    if (!/^[a-z][a-z0-9-]*$/.test(props.name)) {
      throw new Error(`AppFunction name "${props.name}": use the kebab-case folder name under functions/`);
    }
    const entry = join(REPO_ROOT, 'functions', props.name, 'handler.ts');
    if (!existsSync(entry)) {
      throw new Error(`AppFunction "${props.name}": entry ${entry} does not exist`);
    }

    const defaults = mergeEnvironment(DEFAULT_ENVIRONMENT, props.sharedEnvironment);
    const environment = mergeEnvironment(defaults, props.environment, props.environmentOverrides);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      ...(props.logRemovalPolicy === undefined ? {} : { removalPolicy: props.logRemovalPolicy }),
    });

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      description: props.description ?? `hromada-dispatch ${props.name}`,
      environment,
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      ...(props.paramsAndSecrets === undefined ? {} : { paramsAndSecrets: props.paramsAndSecrets }),
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        platform: 'node',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourceMapMode: nodejs.SourceMapMode.DEFAULT,
        sourcesContent: false,
        banner: ESM_REQUIRE_BANNER,
        // The Node 22 Lambda runtime ships AWS SDK v3; keep it out of the bundle.
        externalModules: ['@aws-sdk/*'],
        forceDockerBundling: false,
        ...(props.routeSolverWorker
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => [
                  routeSolverWorkerBundling(inputDir, outputDir),
                ],
              },
            }
          : {}),
      },
    });
    this.functionName = this.function.functionName;
  }

  get role(): iam.IRole {
    // NodejsFunction always creates a role when none is passed.
    return this.function.role!;
  }

  /** Read items and query the table and its indexes (no writes, no stream). */
  grantTableRead(table: dynamodb.ITable): iam.Grant {
    return table.grantReadData(this.function);
  }

  /** Read and write items, including transactions (TransactWriteItems is authorised per item action). */
  grantTableReadWrite(table: dynamodb.ITable): iam.Grant {
    return table.grantReadWriteData(this.function);
  }

  /**
   * `sns:Publish` to phone numbers. SMS publishing has no resource ARN (IAM requires Resource "*") and
   * SNS has no condition key for the destination number, so the statement is narrowed by region only.
   */
  grantSmsPublish(): void {
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'PublishSmsToPhoneNumbers',
        actions: ['sns:Publish'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:RequestedRegion': Stack.of(this).region } },
      }),
    );
  }

  metricErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum', ...props });
  }
}
