import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { outboxFilterPattern } from '../../events/contracts/outbox-stream-record';
import type { AnnounceSchedule, RemindSchedule, SweepSchedule } from '../../events/contracts/schedule';
import type { StandingOrdersSchedule } from '../../events/contracts/standing-orders-schedule';
import { SEND_LEASE_SECONDS } from '../../shared/domain/entities/outbox-message';
import { AppFunction } from '../constructs/app-function';
import { addOpsAlarms } from '../constructs/ops-alarms';
import { businessAlarms, OpsDashboard } from '../constructs/ops-dashboard';
import { schedulerRole } from '../constructs/scheduler-role';
import { SmsReceipts } from '../constructs/sms-receipts';
import { type AirRaidPolling, addAirRaidPolling } from './air-raid-function';
import { corsOriginsOf, type DeployConfig, isDevStage } from './deploy-config';
import { functionTimeout } from './function-timeout';
import { addPlanFunction, travelTimesEnvironment } from './plan-function';

export interface StatelessStackProps extends StackProps {
  readonly config: DeployConfig;
  readonly table: dynamodb.ITableV2;
  readonly deadLetterQueue: sqs.IQueue;
  readonly opsTopic: sns.ITopic;
  readonly inboundSmsTopic: sns.ITopic;
  /** Delivery receipts (used when smsTransport is `eum`). */
  readonly smsReceiptsTopic?: sns.ITopic;
  readonly userPool: cognito.IUserPool;
  readonly consoleClient: cognito.IUserPoolClient;
}

/**
 * Item filter for the outbox sender: only new or changed outbox items still waiting to be sent.
 * The pattern is the shared contract (events/contracts), also used by the local stream poller.
 */
export const OUTBOX_FILTER: Record<string, unknown> = outboxFilterPattern;

/** Payload the daily reminder schedule sends to the remind function (events/contracts/schedule). */
/** The API's public routes (all GET): served without the JWT authorizer. A test keeps it equal to the routes declared public. */
export const PUBLIC_GET_PATHS = ['/health', '/openapi.json'] as const;

export const REMINDER_INPUT: RemindSchedule = { job: 'queue-reminders' };

/**
 * How often the remind function looks for hromady whose reminder time has come: well inside
 * shared/app/queue-reminders.ts's REMINDER_WINDOW_MS, so several runs see each day's reminders.
 */
export const REMINDER_EVERY_MINUTES = 15;

/** Payload of the every-15-minutes mobile-case announcement schedule (same function). */
export const ANNOUNCE_INPUT: AnnounceSchedule = { job: 'announce-case-stops' };
/** Payload of the every-minute outbox sweep (events/contracts/schedule). */
export const SWEEP_INPUT: SweepSchedule = { job: 'sweep-outbox' };
/** Payload of the daily standing-orders schedule (events/contracts/standing-orders-schedule). */
export const STANDING_ORDERS_INPUT: StandingOrdersSchedule = { job: 'generate-standing-orders' };
/** send-sms's timeout: below the outbox lease, so a claim `sending` past it has no live sender. */
export const SEND_SMS_TIMEOUT = functionTimeout('send-sms');
if (SEND_SMS_TIMEOUT.toSeconds() >= SEND_LEASE_SECONDS) {
  throw new Error(`send-sms timeout must be shorter than the outbox lease (${SEND_LEASE_SECONDS} s)`);
}

/** Code: functions, the HTTP API, the stream consumer, the schedule, alarms. Safe to destroy and redeploy. */
export class StatelessStack extends Stack {
  readonly api: AppFunction;
  /** Plans a day in the background, invoked by the api (plan-function.ts). */
  readonly plan: AppFunction;
  readonly sendSms: AppFunction;
  readonly remind: AppFunction;
  readonly sweepOutbox: AppFunction;
  readonly generateStandingOrders: AppFunction;
  /** poll-air-raids, its schedule and the feed's token secret (air-raid-function.ts). */
  readonly airRaids: AirRaidPolling;
  readonly standingOrdersSchedule: scheduler.Schedule;
  readonly inboundSms: AppFunction;
  readonly smsReceipts?: SmsReceipts;
  readonly cursorSecret: secretsmanager.Secret;
  readonly httpApi: apigw.HttpApi;
  readonly reminderSchedule: scheduler.Schedule;
  readonly announceSchedule: scheduler.Schedule;
  readonly sweepSchedule: scheduler.Schedule;
  readonly dashboard: OpsDashboard;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, table } = props;
    const dev = isDevStage(config);
    const logRemovalPolicy = dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    // SMS_TRANSPORT: shared/config requires it in every function (`sns` or `eum` in AWS, `file` on
    // the local platform).
    const sharedEnvironment = { TABLE_NAME: table.tableName, SMS_TRANSPORT: config.smsTransport };
    const common = {
      sharedEnvironment,
      logRemovalPolicy,
      environmentOverrides: (config.logLevel === 'INFO'
        ? {}
        : { POWERTOOLS_LOG_LEVEL: config.logLevel }) as Record<string, string>,
    };

    // --- api: HTTP API behind Cognito JWTs -------------------------------------------------------
    // Pagination cursors are sealed with a key derived from this secret, read once per container
    // through the Parameters and Secrets extension (shared/adapters/dynamodb/cursor.ts). Losing it
    // only invalidates the cursors in flight, so it lives here and goes with the stack.
    this.cursorSecret = new secretsmanager.Secret(this, 'CursorSecret', {
      description: `hromada-dispatch ${config.stage}: key material that seals API pagination cursors`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new AppFunction(this, 'Api', {
      ...common,
      name: 'api',
      description: 'HTTP API for the dispatcher console',
      // inserting one request runs the routing engine inside the call (at most 5 s, single-threaded;
      // planning a day is the plan function's): 1769 MB is one full vCPU on Lambda
      memorySize: 1769,
      timeout: functionTimeout('api'),
      environment: {
        CURSOR_SECRET_ID: this.cursorSecret.secretArn,
        // the SMS report's cost is at the same price as the spend metric
        SMS_PRICE_PER_SEGMENT_USD: String(config.smsPricePerSegmentUsd),
        ...travelTimesEnvironment(config),
      },
      paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(
        lambda.ParamsAndSecretsVersions.V1_0_103,
        {
          logLevel: lambda.ParamsAndSecretsLogLevel.WARN,
        },
      ),
    });
    this.api.grantTableReadWrite(table);
    this.cursorSecret.grantRead(this.api.function);
    // the openrouteservice key: a secret made by hand, read by the api (planning) only
    if (config.orsApiKeySecretName)
      secretsmanager.Secret.fromSecretNameV2(this, 'OrsApiKey', config.orsApiKeySecretName).grantRead(
        this.api.function,
      );

    this.plan = addPlanFunction(this, {
      common,
      config,
      table,
      api: this.api,
      deadLetterQueue: props.deadLetterQueue,
    });

    const integration = new HttpLambdaIntegration('ApiIntegration', this.api.function, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    const authorizer = new HttpUserPoolAuthorizer('ConsoleJwt', props.userPool, {
      userPoolClients: [props.consoleClient],
      identitySource: ['$request.header.Authorization'],
    });
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `hromada-${config.stage}`,
      description: 'hromada-dispatch console API',
      createDefaultStage: false,
      defaultIntegration: integration,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: corsOriginsOf(config),
        allowMethods: [
          apigw.CorsHttpMethod.GET,
          apigw.CorsHttpMethod.POST,
          apigw.CorsHttpMethod.PUT,
          apigw.CorsHttpMethod.PATCH,
          apigw.CorsHttpMethod.DELETE,
        ],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        // the console (another origin) reads a job's Location and honours Retry-After on a 503
        exposeHeaders: ['location', 'retry-after'],
        maxAge: Duration.hours(1),
      },
    });
    // The routes declared `access: 'public'` (functions/api/routes): no sign-in in front of them.
    for (const path of PUBLIC_GET_PATHS) {
      this.httpApi.addRoutes({
        path,
        methods: [apigw.HttpMethod.GET],
        integration,
        authorizer: new apigw.HttpNoneAuthorizer(),
      });
    }
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: logRemovalPolicy,
    });
    const stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiThrottleRateLimit, burstLimit: config.apiThrottleBurstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });

    // --- send-sms: the outbox, driven by the table stream ----------------------------------------
    this.sendSms = new AppFunction(this, 'SendSms', {
      ...common,
      name: 'send-sms',
      description: 'Outbox sender: DynamoDB stream → SNS SMS',
      timeout: SEND_SMS_TIMEOUT,
      environment: {
        SMS_SENDER_ID: config.smsSenderId,
        SMS_PRICE_PER_SEGMENT_USD: String(config.smsPricePerSegmentUsd),
      },
    });
    this.sendSms.grantTableReadWrite(table);
    this.sendSms.grantSmsPublish();
    this.sendSms.function.addEventSource(
      new sources.DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        parallelizationFactor: 1,
        onFailure: new sources.SqsDlq(props.deadLetterQueue),
        filters: [lambda.FilterCriteria.filter(OUTBOX_FILTER)],
      }),
    );

    // --- sms-receipts: End User Messaging's delivery receipts (smsTransport = eum) --------------
    if (config.smsTransport === 'eum') {
      if (!props.smsReceiptsTopic) throw new Error('smsTransport eum needs the receipts topic');
      this.smsReceipts = new SmsReceipts(this, 'SmsReceipts', {
        config,
        table,
        sendSms: this.sendSms,
        receiptsTopic: props.smsReceiptsTopic,
        deadLetterQueue: props.deadLetterQueue,
        common,
      });
    }

    // --- inbound-sms: replies (ТАК / НІ / СТОП, driver codes) from the inbound SNS topic ----------
    this.inboundSms = new AppFunction(this, 'InboundSms', {
      ...common,
      name: 'inbound-sms',
      description: 'Two-way SMS: residents confirm, cancel or opt out; drivers report stops',
      timeout: functionTimeout('inbound-sms'),
    });
    this.inboundSms.grantTableReadWrite(table);
    props.inboundSmsTopic.addSubscription(
      new snsSubscriptions.LambdaSubscription(this.inboundSms.function, {
        deadLetterQueue: props.deadLetterQueue,
      }),
    );

    // --- remind: every 15 min; each hromada's reminders at its own rules.reminderTime -------------
    this.remind = new AppFunction(this, 'Remind', {
      ...common,
      name: 'remind',
      description: "Evening reminders for tomorrow's rides",
      timeout: functionTimeout('remind'),
    });
    this.remind.grantTableReadWrite(table);

    const remindRole = schedulerRole(
      this,
      'ReminderSchedulerRole',
      'EventBridge Scheduler: invoke the remind function only',
    );
    this.reminderSchedule = new scheduler.Schedule(this, 'EveningReminders', {
      description: "Every 15 min: SMS reminders for tomorrow's rides, at each hromada's reminder time",
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(REMINDER_EVERY_MINUTES)),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(this.remind.function, {
        role: remindRole,
        input: scheduler.ScheduleTargetInput.fromObject(REMINDER_INPUT),
        retryAttempts: 3,
        maxEventAge: Duration.minutes(REMINDER_EVERY_MINUTES),
      }),
    });

    // The mobile case: each hromada announces tomorrow's stops from its own time (rules.mobileCase.
    // announceAt); the function checks every 15 minutes and announces each stop once.
    this.announceSchedule = new scheduler.Schedule(this, 'CaseAnnouncements', {
      description: "Every 15 minutes: SMS announcements of tomorrow's mobile-case stops, once each",
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(15)),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(this.remind.function, {
        role: remindRole,
        input: scheduler.ScheduleTargetInput.fromObject(ANNOUNCE_INPUT),
        retryAttempts: 1,
        maxEventAge: Duration.minutes(15),
      }),
    });

    // --- sweep-outbox: every minute, nothing stays open (claims past their lease, missed records) --
    this.sweepOutbox = new AppFunction(this, 'SweepOutbox', {
      ...common,
      name: 'sweep-outbox',
      description: 'Outbox sweeper: sends again what a crashed sender left, nudges missed records',
      timeout: functionTimeout('sweep-outbox'),
    });
    this.sweepOutbox.grantTableReadWrite(table);
    const sweepRole = schedulerRole(
      this,
      'SweepSchedulerRole',
      'EventBridge Scheduler: invoke the sweep-outbox function only',
    );
    this.sweepSchedule = new scheduler.Schedule(this, 'OutboxSweep', {
      description: 'Every minute: SMS left sending by a crashed sender are sent again or marked failed',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(this.sweepOutbox.function, {
        role: sweepRole,
        input: scheduler.ScheduleTargetInput.fromObject(SWEEP_INPUT),
        retryAttempts: 0,
        maxEventAge: Duration.minutes(1),
      }),
    });

    // --- generate-standing-orders: daily, the standing orders' rides of the days ahead ----------
    this.generateStandingOrders = new AppFunction(this, 'GenerateStandingOrders', {
      ...common,
      name: 'generate-standing-orders',
      description: "Books the standing orders' rides of the days ahead (idempotent)",
      timeout: functionTimeout('generate-standing-orders'),
    });
    this.generateStandingOrders.grantTableReadWrite(table);
    const standingOrdersRole = schedulerRole(
      this,
      'StandingOrdersSchedulerRole',
      'EventBridge Scheduler: invoke the generate-standing-orders function only',
    );
    this.standingOrdersSchedule = new scheduler.Schedule(this, 'StandingOrders', {
      description: "Daily at 05:00 Kyiv time: the standing orders' rides of the days ahead",
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '5', timeZone: TimeZone.EUROPE_KYIV }),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(this.generateStandingOrders.function, {
        role: standingOrdersRole,
        input: scheduler.ScheduleTargetInput.fromObject(STANDING_ORDERS_INPUT),
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });

    this.airRaids = addAirRaidPolling(this, { common, config, table });

    // --- alarms → ops topic, and the dashboard -----------------------------------------------------
    const functions = [
      ['Api', this.api],
      ['Plan', this.plan],
      ['SendSms', this.sendSms],
      ['Remind', this.remind],
      ['InboundSms', this.inboundSms],
      ['SweepOutbox', this.sweepOutbox],
      ['GenerateStandingOrders', this.generateStandingOrders],
      ['PollAirRaids', this.airRaids.fn],
      ...(this.smsReceipts ? [['SmsReceipts', this.smsReceipts.function] as const] : []),
    ] as const;
    const { alarm, snsMonthToDateSpend } = addOpsAlarms(this, {
      config,
      opsTopic: props.opsTopic,
      deadLetterQueue: props.deadLetterQueue,
      functions,
      sendSms: this.sendSms,
      httpApi: this.httpApi,
    });

    // Business metrics (EMF from the functions, shared/observability/metrics.ts).
    for (const [id, alarmProps] of Object.entries(businessAlarms(config))) alarm(id, alarmProps);
    this.dashboard = new OpsDashboard(this, 'Ops', {
      dashboardName: `hromada-${config.stage}`,
      functions: functions.map(([, fn]) => fn),
      snsMonthToDateSpend: snsMonthToDateSpend.with({ label: 'SNS month to date, USD' }),
    });

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
  }
}
