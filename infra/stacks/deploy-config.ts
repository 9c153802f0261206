import { z } from 'zod';
import { configSchema, DEFAULT_SMS_PRICE_PER_SEGMENT_USD } from '../../shared/config/config';
import { senderIdSchema } from '../../shared/domain/sender-id';
import { airRaidFeedIssues } from './air-raid-feed-deploy-config';

/**
 * Deployment configuration. Read from CDK context (`-c key=value` or cdk.json) first, then from the
 * environment (`HROMADA_<KEY>` in SCREAMING_SNAKE_CASE), then the default. Validated once at start-up:
 * a bad value stops `cdk synth` with a message naming the key, before any construct exists.
 */

const stageName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,15}$/, '2–16 chars, lowercase letters, digits and "-", starting with a letter');

const origin = z
  .url({ protocol: /^https?$/ })
  .refine(
    (value) => new URL(value).origin === value,
    'each entry must be a bare origin like https://console.example.org (no path or trailing slash)',
  );

const csv = (schema: z.ZodType<string>) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item.length > 0)
        : value,
    z.array(schema).min(1),
  );

const positiveNumber = z.coerce.number().positive();
const positiveInt = z.coerce.number().int().positive();

export const deployConfigSchema = z
  .object({
    stage: stageName.default('dev'),
    /** AWS region; SMS to Ukraine works from eu-central-1 (Frankfurt), close to users. */
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region code like eu-central-1')
      .default('eu-central-1'),
    /** Optional: pin the account (12 digits). Left unset, stacks are account-agnostic. */
    account: z
      .string()
      .regex(/^\d{12}$/, '12 digits')
      .optional(),
    smsSenderId: senderIdSchema.default('HROMADA'),
    /**
     * How SMS go out: `sns` (SNS Publish; no delivery receipts) or `eum` (End User Messaging SMS
     * under a configuration set: every message's receipt, carrier status and price come back).
     */
    smsTransport: z.enum(['sns', 'eum']).default('sns'),
    /** `eum`: the phone number, sender ID or pool (id or ARN) to send from; default smsSenderId. */
    smsOriginationIdentity: z.string().min(1).max(256).optional(),
    /** `eum`: the most one segment may cost, USD (each message's MaxPrice is this × its segments). */
    smsMaxPricePerSegmentUsd: z.coerce.number().gt(0).max(10).optional(),
    /** Must match the account-level SNS monthly spend limit set by hand (docs/operations.md). */
    smsMonthlySpendLimitUsd: positiveNumber.max(100_000).default(50),
    /** Alarm when month-to-date SMS spend reaches this share of the limit. */
    smsSpendAlarmRatio: z.coerce.number().gt(0).max(1).default(0.8),
    /**
     * Price of one SMS segment to Ukraine, USD: turns the SmsSegments metric into SmsSpendUsd. The
     * default is a placeholder (shared/config/config.ts); set it from the current AWS price list.
     */
    smsPricePerSegmentUsd: z.coerce.number().min(0).max(10).default(DEFAULT_SMS_PRICE_PER_SEGMENT_USD),
    /** Alarm when this many SMS fail for good within an hour (SmsFailed, all hromady). */
    smsFailedAlarmThreshold: positiveInt.max(10_000).default(5),
    /**
     * Origins the API's CORS allows. Unset: the origin of consoleUrl, else http://localhost:5173
     * (corsOriginsOf).
     */
    consoleOrigins: csv(origin).optional(),
    /**
     * The deployed console's URL (the CloudFront domain from the console stack's ConsoleUrl output,
     * or a custom domain pointing at it), e.g. https://d1234.cloudfront.net/. It is the hosted UI's
     * callback and sign-out URL. Unset, the console is hosted but its sign-in stays off.
     */
    consoleUrl: z
      .url({ protocol: /^https?$/ })
      .refine((value) => new URL(value).pathname.endsWith('/'), 'must end with "/"')
      .optional(),
    /** The Cognito hosted UI's domain prefix (<prefix>.auth.<region>.amazoncognito.com); unique per region. */
    cognitoDomainPrefix: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and "-", 1–63 chars')
      .refine((value) => !/aws|amazon|cognito/.test(value), 'may not contain aws, amazon or cognito')
      .optional(),
    /** The map's tile URL template for the deployed console, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png. */
    mapTileUrl: z
      .string()
      .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?\/\S*\{z\}\S*$/, 'an https URL template with {z}, {x} and {y}')
      .optional(),
    /** Optional e-mail subscribed to the ops topic (alarms). */
    alarmEmail: z.email().optional(),
    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
    apiThrottleRateLimit: positiveInt.max(10_000).default(50),
    apiThrottleBurstLimit: positiveInt.max(5_000).default(100),
    /** Planning's default travel times: the offline estimate, or openrouteservice (needs orsHost). */
    travelTimes: z.enum(['offline', 'ors']).default('offline'),
    /**
     * openrouteservice: https://api.openrouteservice.org (the cloud, with a key) or a self-hosted
     * host. Set, hromady may choose it by their rule even when the default stays offline.
     */
    orsHost: z.url().optional(),
    /**
     * Name of the Secrets Manager secret (created by hand, plain text) holding the cloud API key.
     * The key never goes into an environment variable: the api function reads the secret.
     */
    orsApiKeySecretName: z
      .string()
      .regex(/^[\w/+=.@-]{1,512}$/, 'a Secrets Manager secret name')
      .optional(),
    /** The openrouteservice plan's quota: matrix requests per minute (free plan: 40). */
    orsRequestsPerMinute: positiveInt.max(100_000).default(40),
    /** Sources × destinations per matrix request (the cloud: 3 500; self-hosted: its setting). */
    orsMaxCells: positiveInt.max(1_000_000).default(3500),
    /**
     * Where the air-raid alerts come from besides the dispatchers: `alerts-in-ua` (needs
     * airRaidFeedUrl), `ukrainealarm` (api.ukrainealarm.com, airRaidFeedBaseUrl overrides it; needs
     * airRaidFeedAreas) or `off`. The provider's token goes in the stack's AirRaidFeedToken secret.
     * Absent: alerts-in-ua when airRaidFeedUrl is set, else off (docs/services/wartime.md).
     */
    airRaidFeed: z.enum(['off', 'alerts-in-ua', 'ukrainealarm']).optional(),
    /** alerts.in.ua's active-alerts URL, whole (alerts-in-ua only). */
    airRaidFeedUrl: z.url().optional(),
    /** ukrainealarm's base, an https origin (ukrainealarm only; https://api.ukrainealarm.com unless set). */
    airRaidFeedBaseUrl: configSchema.shape.AIR_RAID_FEED_BASE_URL,
    /**
     * The feed's raion, city and hromada location ids (the chosen feed's own ids), JSON
     * `{"<location id>": "<KATOTTG code or hromada id>"}` (docs/services/wartime.md); the oblasts are
     * built in.
     */
    airRaidFeedAreas: z.string().max(4000).optional(),
    /** The optional phone line (`-c connect=true`): an Amazon Connect contact flow and the ivr function. */
    connect: z
      .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())
      .default(false),
    /** The Amazon Connect instance the phone line runs on (created by hand: docs/services/phone-line.md). */
    connectInstanceArn: z
      .string()
      .regex(/^arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/[\w-]+$/, 'an Amazon Connect instance ARN')
      .optional(),
    /** The instance's queue of dispatchers that callers are put through to. */
    connectQueueArn: z
      .string()
      .regex(
        /^arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/[\w-]+\/queue\/[\w-]+$/,
        'an Amazon Connect queue ARN',
      )
      .optional(),
    /** Where the recorded prompts are: `s3://bucket/prefix`, one `<prompt id>.wav` each. */
    ivrPromptsUri: configSchema.shape.IVR_PROMPTS_URI,
  })
  .superRefine((config, ctx) => {
    if (config.stage !== 'dev') {
      if (config.consoleUrl?.startsWith('http://'))
        ctx.addIssue({
          code: 'custom',
          path: ['consoleUrl'],
          message: 'must be https outside the dev stage',
        });
      for (const value of config.consoleOrigins ?? []) {
        if (!value.startsWith('https://')) {
          ctx.addIssue({
            code: 'custom',
            path: ['consoleOrigins'],
            message: `"${value}" must be https outside the dev stage`,
          });
        }
      }
    }
    if (config.consoleUrl && !config.cognitoDomainPrefix) {
      ctx.addIssue({
        code: 'custom',
        path: ['cognitoDomainPrefix'],
        message: 'required with consoleUrl (the hosted sign-in page)',
      });
    }
    if (config.travelTimes === 'ors' && !config.orsHost) {
      ctx.addIssue({ code: 'custom', path: ['orsHost'], message: 'required when travelTimes is ors' });
    }
    if (config.orsApiKeySecretName && !config.orsHost) {
      ctx.addIssue({ code: 'custom', path: ['orsApiKeySecretName'], message: 'needs orsHost' });
    }
    for (const issue of airRaidFeedIssues(config)) ctx.addIssue({ code: 'custom', ...issue });
    if (config.connect) {
      for (const key of ['connectInstanceArn', 'connectQueueArn', 'ivrPromptsUri'] as const) {
        if (!config[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'required with connect=true' });
      }
    }
    if (config.apiThrottleBurstLimit < config.apiThrottleRateLimit / 10) {
      ctx.addIssue({
        code: 'custom',
        path: ['apiThrottleBurstLimit'],
        message: 'too small for the rate limit',
      });
    }
  });

export type DeployConfig = z.infer<typeof deployConfigSchema>;

const envName = (key: string): string => `HROMADA_${key.replace(/([A-Z])/g, '_$1').toUpperCase()}`;

export interface DeployConfigSources {
  /** `(key) => app.node.tryGetContext(key)` */
  readonly context: (key: string) => unknown;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export class DeployConfigError extends Error {
  override readonly name = 'DeployConfigError';
}

/** Gathers raw values from context, then env, and validates them. Throws DeployConfigError on any problem. */
export function loadDeployConfig(sources: DeployConfigSources): DeployConfig {
  const raw: Record<string, unknown> = {};
  for (const key of KNOWN_KEYS) {
    const fromContext = sources.context(key);
    const fromEnv = sources.env[envName(key)];
    const value = fromContext ?? fromEnv;
    if (value !== undefined && value !== '') raw[key] = value;
  }
  raw.account ??= sources.env.CDK_DEFAULT_ACCOUNT;
  raw.region ??= sources.env.CDK_DEFAULT_REGION;
  if (raw.account === undefined) delete raw.account;
  if (raw.region === undefined) delete raw.region;

  const parsed = deployConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new DeployConfigError(`Invalid deployment configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

const KNOWN_KEYS = [
  'stage',
  'region',
  'account',
  'smsSenderId',
  'smsTransport',
  'smsOriginationIdentity',
  'smsMaxPricePerSegmentUsd',
  'smsMonthlySpendLimitUsd',
  'smsSpendAlarmRatio',
  'smsPricePerSegmentUsd',
  'smsFailedAlarmThreshold',
  'consoleOrigins',
  'consoleUrl',
  'cognitoDomainPrefix',
  'mapTileUrl',
  'alarmEmail',
  'logLevel',
  'apiThrottleRateLimit',
  'apiThrottleBurstLimit',
  'travelTimes',
  'orsHost',
  'orsApiKeySecretName',
  'orsRequestsPerMinute',
  'orsMaxCells',
  'airRaidFeed',
  'airRaidFeedUrl',
  'airRaidFeedBaseUrl',
  'airRaidFeedAreas',
  'connect',
  'connectInstanceArn',
  'connectQueueArn',
  'ivrPromptsUri',
] as const satisfies readonly (keyof DeployConfig)[];

export const isDevStage = (config: Pick<DeployConfig, 'stage'>): boolean => config.stage === 'dev';

/** The origins the API's CORS allows: configured, else the deployed console's, else the dev server's. */
export function corsOriginsOf(config: Pick<DeployConfig, 'consoleOrigins' | 'consoleUrl'>): string[] {
  if (config.consoleOrigins) return config.consoleOrigins;
  if (config.consoleUrl) return [new URL(config.consoleUrl).origin];
  return ['http://localhost:5173'];
}
