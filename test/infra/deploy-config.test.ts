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
