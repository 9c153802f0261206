import { z } from 'zod';
import { senderIdSchema } from '../domain/sender-id';
import { DEFAULT_SMS_PRICE_PER_SEGMENT_USD } from '../domain/sms-spend';
import { airRaidFeedProblem, feedBaseUrlSchema } from './air-raid-feed-config';

export { DEFAULT_SMS_PRICE_PER_SEGMENT_USD };

/**
 * Configuration from the environment, parsed once at cold start. A missing or malformed value
 * stops the function before it serves anything, with the variable's name in the error.
 */
export const configSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1),
  /** DynamoDB Local (the one-machine platform and integration tests). Unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /**
   * `sns` (SNS Publish: no delivery receipts) or `eum` (End User Messaging SMS: a receipt with the
   * final status, carrier status and price of every message) in AWS; `file` writes SMS to
   * SMS_SINK_FILE instead of sending (local platform). docs/operations.md compares the two.
   */
  SMS_TRANSPORT: z.enum(['sns', 'eum', 'file']),
  /** `eum`: the configuration set whose event destination delivers the receipts. */
  SMS_CONFIGURATION_SET: z.string().min(1).optional(),
  /** `eum`: the phone number, sender ID or pool (id or ARN) to send from when a hromada names none. */
  SMS_ORIGINATION_IDENTITY: z.string().min(1).optional(),
  /** `eum`: the most one segment may cost, USD (each message's MaxPrice). */
  SMS_MAX_PRICE_PER_SEGMENT_USD: z.coerce.number().min(0).max(10).optional(),
  SMS_SINK_FILE: z.string().optional(),
  SMS_SENDER_ID: senderIdSchema.optional(),
  /** See DEFAULT_SMS_PRICE_PER_SEGMENT_USD. Set by the CDK stack on send-sms from the deploy config. */
  SMS_PRICE_PER_SEGMENT_USD: z.coerce.number().min(0).max(10).default(DEFAULT_SMS_PRICE_PER_SEGMENT_USD),
  /** Road travel times: the offline estimate (no network) or openrouteservice. */
  TRAVEL_TIMES: z.enum(['offline', 'ors']).default('offline'),
  /** https://api.openrouteservice.org or a self-hosted instance. */
  ORS_HOST: z.url().optional(),
  /** Local development only: a developer's own key. In AWS the key is a secret (next). */
  ORS_API_KEY: z.string().min(1).optional(),
  /**
   * Secrets Manager secret (name or ARN) holding the openrouteservice API key, read once per
   * container through the Lambda Parameters and Secrets extension. Set by the CDK stack when the
   * deployment uses the openrouteservice cloud; absent for a self-hosted host (no key).
   */
  ORS_API_KEY_SECRET_ID: z.string().min(1).optional(),
  /** Sources × destinations per matrix request (the public API: 3 500; self-hosted: its setting). */
  ORS_MAX_CELLS: z.coerce.number().int().min(1).max(1_000_000).default(3500),
  /** The plan's quota of matrix requests per minute (the public API's free plan: 40). */
  ORS_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(40),
  /** How long a cached travel time lives (roads and detours change). */
  TRAVEL_CACHE_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * Secrets Manager secret (ARN) whose value seals pagination cursors, read once per container
   * through the Lambda Parameters and Secrets extension. Set by the CDK stack on the api function.
   */
  CURSOR_SECRET_ID: z.string().min(1).optional(),
  /**
   * Local platform only: the cursor secret itself, so cursors survive a restart. Neither set: a
   * random secret per process (cursors die with it), right for functions that page internally.
   */
  CURSOR_SECRET: z.string().min(32).optional(),
  /**
   * Where the routing engine runs: in the function's process (Lambda), or in a worker thread so
   * that a plan does not stall the other requests of the one-machine platform's single process.
   */
  ROUTE_SOLVER: z.enum(['in-process', 'worker']).default('in-process'),
  /**
   * Independent searches (different seeds, each in a worker thread) a day's plan runs at once,
   * the best one the checker accepts kept: one per vCPU of the `plan` function (set by CDK from
   * its memory). 1: a single search, as ROUTE_SOLVER says (the api, the local platform).
   */
  PLAN_WORKERS: z.coerce.number().int().min(1).max(6).default(1),
  /**
   * The `plan` function a planning job is handed to (asynchronous invoke; set by CDK on the api
   * function). Unset: the job runs in the background of this process (the one-machine platform).
   */
  PLAN_FUNCTION_NAME: z
    .string()
    .regex(/^[\w:.-]{1,140}$/)
    .optional(),
  /**
   * The phone line's recorded prompts (`s3://bucket/prefix`, each `<prompt id>.wav`), named to
   * the contact flow in each answer. Set by the optional Connect stack on the ivr function.
   */
  IVR_PROMPTS_URI: z
    .string()
    .regex(/^s3:\/\/[a-z0-9.-]{3,63}(\/[\w./-]*[^/])?$/, 's3://bucket/prefix, no trailing slash')
    .optional(),
  /**
   * Where `poll-air-raids` reads the areas under an air-raid alert: `none` (dispatchers set them
   * by hand), `http` (alerts.in.ua at AIR_RAID_FEED_URL, a bearer token from the secret store),
   * `ukrainealarm` (api.ukrainealarm.com, or AIR_RAID_FEED_BASE_URL; its key from the secret
   * store) or `stub` (a JSON file of areas, AIR_RAID_STUB_FILE: the local platform and tests).
   * Which settings go with which: air-raid-feed-config.ts.
   */
  AIR_RAID_FEED: z.enum(['none', 'http', 'ukrainealarm', 'stub']).default('none'),
  /** alerts.in.ua's active-alerts URL, whole (`http` only). */
  AIR_RAID_FEED_URL: z.url().optional(),
  /** ukrainealarm's base, an https origin (`ukrainealarm` only; https://api.ukrainealarm.com unless set). */
  AIR_RAID_FEED_BASE_URL: feedBaseUrlSchema.optional(),
  /** Secrets Manager secret (name or ARN) holding the feed's token, read through the extension. */
  AIR_RAID_FEED_TOKEN_SECRET_ID: z.string().min(1).optional(),
  AIR_RAID_STUB_FILE: z.string().min(1).optional(),
  /**
   * The feed's raion, city and hromada location ids this deployment needs, in the chosen feed's
   * own ids, as a JSON object `{"<location id>": "<KATOTTG code or hromada id>"}` (the oblasts are
   * built in: shared/adapters/air-raid/alerts-in-ua-locations.ts, ukrainealarm-regions.ts).
   */
  AIR_RAID_FEED_AREAS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return {};
      try {
        return z.record(z.string().regex(/^\d{1,9}$/), z.string().min(1).max(64)).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'a JSON object {"<location_uid>": "<area id>"}' });
        return z.NEVER;
      }
    }),
  /** Largest accepted HTTP body, bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(65_536),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${detail}`);
  }
  if (result.data.SMS_TRANSPORT === 'eum' && !result.data.SMS_CONFIGURATION_SET) {
    throw new ConfigError('Invalid configuration: SMS_CONFIGURATION_SET is required when SMS_TRANSPORT=eum');
  }
  if (result.data.SMS_TRANSPORT === 'file' && !result.data.SMS_SINK_FILE) {
    throw new ConfigError('Invalid configuration: SMS_SINK_FILE is required when SMS_TRANSPORT=file');
  }
  if (result.data.TRAVEL_TIMES === 'ors' && !result.data.ORS_HOST) {
    throw new ConfigError('Invalid configuration: ORS_HOST is required when TRAVEL_TIMES=ors');
  }
  if (result.data.ORS_API_KEY_SECRET_ID && result.data.ORS_API_KEY) {
    throw new ConfigError('Invalid configuration: set ORS_API_KEY_SECRET_ID or ORS_API_KEY, not both');
  }
  // in AWS the key is a secret, never a plain environment variable
  if (result.data.ORS_API_KEY && env.AWS_LAMBDA_FUNCTION_NAME && !result.data.DYNAMODB_ENDPOINT) {
    throw new ConfigError(
      'Invalid configuration: ORS_API_KEY is for local development; in AWS use ORS_API_KEY_SECRET_ID',
    );
  }
  const feedProblem = airRaidFeedProblem(result.data);
  if (feedProblem) throw new ConfigError(`Invalid configuration: ${feedProblem}`);
  if (result.data.CURSOR_SECRET_ID && result.data.CURSOR_SECRET) {
    throw new ConfigError('Invalid configuration: set CURSOR_SECRET_ID or CURSOR_SECRET, not both');
  }
  return result.data;
}
