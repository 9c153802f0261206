import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CursorSealer, listingScope } from '../../../shared/adapters/dynamodb/cursor';
import { secretFromLambdaExtension } from '../../../shared/adapters/secrets/lambda-extension-secret';
import { loadConfig } from '../../../shared/config/config';
import { ValidationError } from '../../../shared/domain/errors';

const residents = (hromadaId: string) =>
  listingScope({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `HROMADA#${hromadaId}`, ':prefix': 'RESIDENT#' },
  });
const lastKey = { pk: 'HROMADA#khm', sk: 'RESIDENT#01J9Z' };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe('sealed pagination cursors', () => {
  const sealer = new CursorSealer(async () => 'a secret of at least thirty-two characters');

  it('round-trips the start key, and shows nothing of the key layout', async () => {
    const cursor = (await sealer.seal(lastKey, residents('khm')))!;
    expect(await sealer.open(cursor, residents('khm'))).toEqual(lastKey);
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/HROMADA|RESIDENT/);
    expect(cursor).not.toContain(Buffer.from('{"pk"').toString('base64url').slice(0, 6));
    expect(await sealer.seal(undefined, residents('khm'))).toBeUndefined();
    expect(await sealer.open(undefined, residents('khm'))).toBeUndefined();
  });

  it.each([
    ['base64 of {}', 'e30'],
    ['the old plain layout', Buffer.from(JSON.stringify(lastKey)).toString('base64url')],
    ['garbage', 'garbage'],
    ['one byte', 'AQ'],
  ])('refuses %s with a 400 naming the cursor', async (_what, cursor) => {
    expect(await refusal(sealer.open(cursor, residents('khm')))).toEqual([
      { path: 'cursor', message: expect.any(String) },
    ]);
  });

  it('refuses a cursor with any bit flipped', async () => {
    const raw = Buffer.from((await sealer.seal(lastKey, residents('khm')))!, 'base64url');
    for (let i = 0; i < raw.length; i += 1) {
      const tampered = Buffer.from(raw);
      tampered[i]! ^= 0x01;
      await refusal(sealer.open(tampered.toString('base64url'), residents('khm')));
    }
  });

  it('refuses a cursor from another hromada, another listing, or another secret', async () => {
    const cursor = (await sealer.seal(lastKey, residents('khm')))!;
    await refusal(sealer.open(cursor, residents('pokrovska')));
    const drivers = listingScope({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'HROMADA#khm', ':prefix': 'DRIVER#' },
    });
    await refusal(sealer.open(cursor, drivers));
    await refusal(CursorSealer.ephemeral().open(cursor, residents('khm')));
  });

  it('reads the secret once, and again only after a failed read', async () => {
    let reads = 0;
    const flaky = new CursorSealer(async () => {
      reads += 1;
      if (reads === 1) throw new Error('extension not ready');
      return 'a secret of at least thirty-two characters';
    });
    await expect(flaky.seal(lastKey, 's')).rejects.toThrow(/not ready/);
    const cursor = (await flaky.seal(lastKey, 's'))!;
    expect(await flaky.open(cursor, 's')).toEqual(lastKey);
    expect(await sealer.open(cursor, 's')).toEqual(lastKey); // same secret, same key
    expect(reads).toBe(2);
  });
});

describe('cursor configuration', () => {
  it('refuses both a secret id and a secret', () => {
    const env = { TABLE_NAME: 'table', AWS_REGION: 'eu-central-1', SMS_TRANSPORT: 'sns' };
    expect(loadConfig({ ...env, CURSOR_SECRET_ID: 'arn' })).toMatchObject({ CURSOR_SECRET_ID: 'arn' });
    expect(() => loadConfig({ ...env, CURSOR_SECRET_ID: 'arn', CURSOR_SECRET: 'x'.repeat(32) })).toThrow(
      /not both/,
    );
    expect(() => loadConfig({ ...env, CURSOR_SECRET: 'short' })).toThrow(/CURSOR_SECRET/);
  });
});

describe('a secret through the Lambda Parameters and Secrets extension', () => {
  it('asks the extension on localhost with the session token and returns SecretString', async () => {
    const seen: { url?: string; token?: string } = {};
    const server = createServer((req, res) => {
      seen.url = req.url;
      seen.token = req.headers['x-aws-parameters-secrets-token'] as string;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ SecretString: 's'.repeat(64) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const env = {
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String((server.address() as AddressInfo).port),
        AWS_SESSION_TOKEN: 'session-token',
      };
      const arn = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:cursor-AbC';
      expect(await secretFromLambdaExtension(arn, env)()).toBe('s'.repeat(64));
      expect(seen).toEqual({
        url: `/secretsmanager/get?secretId=${encodeURIComponent(arn)}`,
        token: 'session-token',
      });
    } finally {
      server.close();
    }
  });
});
