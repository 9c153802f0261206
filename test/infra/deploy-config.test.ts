import { describe, expect, it } from 'vitest';
import { corsOriginsOf, DeployConfigError, loadDeployConfig } from '../../infra/stacks/deploy-config';

const load = (context: Record<string, unknown> = {}, env: Record<string, string> = {}) =>
  loadDeployConfig({ context: (key) => context[key], env });

describe('deployment configuration', () => {
  it('has working defaults', () => {
    expect(load()).toMatchObject({
      stage: 'dev',
      region: 'eu-central-1',
      smsSenderId: 'HROMADA',
      smsMonthlySpendLimitUsd: 50,

      logLevel: 'INFO',
    });
    expect(load().account).toBeUndefined();
  });

  it('reads context first, then HROMADA_* env vars, then CDK_DEFAULT_*', () => {
    const config = load(
      { stage: 'prod', consoleOrigins: 'https://a.example.org, https://b.example.org' },
      {
        HROMADA_STAGE: 'staging',
        HROMADA_SMS_SENDER_ID: 'Hromada2',
        HROMADA_SMS_MONTHLY_SPEND_LIMIT_USD: '120',
        CDK_DEFAULT_ACCOUNT: '123456789012',
        CDK_DEFAULT_REGION: 'eu-west-1',
      },
    );
    expect(config).toMatchObject({
      stage: 'prod',
      smsSenderId: 'Hromada2',
      smsMonthlySpendLimitUsd: 120,
      account: '123456789012',
      region: 'eu-west-1',
      consoleOrigins: ['https://a.example.org', 'https://b.example.org'],
    });
  });

  it.each([
    ['AB', 'too short'],
    ['ABCDEFGHIJKL', 'too long'],
    ['12345', 'no letter'],
    ['HROMADA-1', 'not alphanumeric'],
    ['ГРОМАДА', 'not ASCII'],
  ])('rejects sender ID %s (%s)', (smsSenderId) => {
    expect(() => load({ smsSenderId })).toThrow(DeployConfigError);
    expect(() => load({ smsSenderId })).toThrow(/smsSenderId/);
  });

  it.each(['ABC', 'Hromada', 'Bucha2025', 'ABCDEFGHIJK'])('accepts sender ID %s', (smsSenderId) => {
    expect(load({ smsSenderId }).smsSenderId).toBe(smsSenderId);
  });

  it('fails fast on bad values and names every bad key', () => {
    let error: unknown;
    try {
      load({ stage: 'Prod!', smsMonthlySpendLimitUsd: '-5', consoleOrigins: 'https://x.org/app/' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeployConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/stage/);
    expect(message).toMatch(/smsMonthlySpendLimitUsd/);
    expect(message).toMatch(/consoleOrigins/);
  });

  it('requires https console origins outside dev', () => {
    expect(() => load({ stage: 'prod', consoleOrigins: 'http://localhost:5173' })).toThrow(/https/);
    expect(load({ stage: 'dev', consoleOrigins: 'http://localhost:5173' }).stage).toBe('dev');
  });
});

describe('deployment configuration: the console and its sign-in', () => {
  const signedIn = { consoleUrl: 'https://console.example.org/', cognitoDomainPrefix: 'khm-dispatch' };

  it('reads the console URL, the hosted UI prefix and the tile URL', () => {
    const config = load({ ...signedIn, stage: 'prod', mapTileUrl: 'https://t.example.org/{z}/{x}/{y}.png' });
    expect(config).toMatchObject({ ...signedIn, mapTileUrl: 'https://t.example.org/{z}/{x}/{y}.png' });
  });

  it('CORS: configured origins, else the console URL origin, else the dev server', () => {
    expect(corsOriginsOf(load({ ...signedIn, stage: 'prod' }))).toEqual(['https://console.example.org']);
    expect(corsOriginsOf(load({ ...signedIn, consoleOrigins: 'https://a.example.org' }))).toEqual([
      'https://a.example.org',
    ]);
    expect(corsOriginsOf(load())).toEqual(['http://localhost:5173']);
  });

  it('refuses an http console URL outside dev, a console URL without the hosted UI prefix, bad prefixes', () => {
    expect(() => load({ ...signedIn, stage: 'prod', consoleUrl: 'http://console.example.org/' })).toThrow(
      /consoleUrl: must be https/,
    );
    expect(load({ ...signedIn, consoleUrl: 'http://localhost:3000/console/' }).stage).toBe('dev');
    expect(() => load({ consoleUrl: 'https://console.example.org/' })).toThrow(
      /cognitoDomainPrefix: required/,
    );
    expect(() => load({ ...signedIn, cognitoDomainPrefix: 'my-cognito' })).toThrow(/cognitoDomainPrefix/);
    expect(() => load({ ...signedIn, cognitoDomainPrefix: 'Khm_' })).toThrow(/cognitoDomainPrefix/);
    expect(() => load({ ...signedIn, consoleUrl: 'https://console.example.org/app' })).toThrow(/end with/);
    expect(() => load({ mapTileUrl: 'http://t.example.org/{z}/{x}/{y}.png' })).toThrow(/mapTileUrl/);
  });
});

describe('deployment configuration: the air-raid feed', () => {
  const ALERTS_IN_UA = 'https://api.alerts.in.ua/v1/alerts/active.json';
  const AREAS = '{"34": "UA05120000000017020", "501": "khm"}';
  const problemOf = (context: Record<string, unknown>) => {
    try {
      load(context);
      return 'accepted';
    } catch (error) {
      expect(error).toBeInstanceOf(DeployConfigError);
      return String(error);
    }
  };

  it("switching to ukrainealarm while keeping alerts.in.ua's URL is refused: its key would go to api.alerts.in.ua", () => {
    expect(
      problemOf({ airRaidFeed: 'ukrainealarm', airRaidFeedUrl: ALERTS_IN_UA, airRaidFeedAreas: AREAS }),
    ).toMatch(/airRaidFeedUrl: alerts\.in\.ua's URL, not used with airRaidFeed ukrainealarm/);
    expect(problemOf({ airRaidFeed: 'ukrainealarm', airRaidFeedAreas: AREAS })).toBe('accepted');
    expect(problemOf({ airRaidFeed: 'off', airRaidFeedUrl: ALERTS_IN_UA })).toBe('accepted');
  });

  it("ukrainealarm's own base: an https origin, not a URL with a path, not alerts.in.ua's host", () => {
    const base = (airRaidFeedBaseUrl: string) =>
      problemOf({ airRaidFeed: 'ukrainealarm', airRaidFeedBaseUrl, airRaidFeedAreas: AREAS });
    expect(base('https://ua-alarm-proxy.example.org')).toBe('accepted');
    expect(base('https://api.ukrainealarm.com/')).toBe('accepted');
    expect(base(ALERTS_IN_UA)).toMatch(/airRaidFeedBaseUrl: a base URL only/);
    expect(base('https://api.ukrainealarm.com/api/v3')).toMatch(/airRaidFeedBaseUrl: a base URL only/);
    expect(base('http://api.ukrainealarm.com')).toMatch(/airRaidFeedBaseUrl: must be https/);
    expect(base('https://api.alerts.in.ua')).toMatch(/alerts\.in\.ua's host/);
    expect(
      problemOf({
        airRaidFeed: 'alerts-in-ua',
        airRaidFeedUrl: ALERTS_IN_UA,
        airRaidFeedBaseUrl: 'https://x.example',
      }),
    ).toMatch(/airRaidFeedBaseUrl: ukrainealarm's base, not used with alerts-in-ua/);
  });

  it('ukrainealarm needs the table of the raions or hromady served: it raises no oblast-wide alarm since 7 Nov 2025', () => {
    const needs = /airRaidFeedAreas: required with airRaidFeed ukrainealarm, naming raions or hromady/;
    expect(problemOf({ airRaidFeed: 'ukrainealarm' })).toMatch(needs);
    expect(problemOf({ airRaidFeed: 'ukrainealarm', airRaidFeedAreas: '{}' })).toMatch(needs);
    // a city listed as a state, mapped to its oblast-level code, is no raion or hromada
    expect(
      problemOf({ airRaidFeed: 'ukrainealarm', airRaidFeedAreas: '{"31": "UA80000000000093317"}' }),
    ).toMatch(needs);
    expect(
      problemOf({ airRaidFeed: 'ukrainealarm', airRaidFeedAreas: '{"34": "UA05120000000017020"}' }),
    ).toBe('accepted');
    expect(problemOf({ airRaidFeed: 'ukrainealarm', airRaidFeedAreas: '{"501": "khm"}' })).toBe('accepted');
    expect(problemOf({ airRaidFeedUrl: ALERTS_IN_UA, airRaidFeedAreas: 'not json' })).toMatch(
      /airRaidFeedAreas: a JSON object/,
    );
    expect(problemOf({ airRaidFeedUrl: ALERTS_IN_UA })).toBe('accepted');
  });
});
