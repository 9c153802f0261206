import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { outboxFilterPattern } from '../../../events/contracts/outbox-stream-record';
import { serveHttpApi } from '../../../infra/local/http-bridge';
import { nextRun } from '../../../infra/local/scheduler';
import { matchesFilter } from '../../../infra/local/stream-poller';
import { loadEvent } from '../../support/api-events';

describe('local stream filter (same pattern as the CDK event source mapping)', () => {
  const event = loadEvent<DynamoDBStreamEvent>('dynamodb-stream/outbox-insert.json');
  const record = event.Records[0]!;

  it('passes a pending outbox insert', () => {
    expect(matchesFilter(record, outboxFilterPattern)).toBe(true);
  });

  it('drops sent messages, other entities and removals', () => {
    const sent = structuredClone(record);
    sent.dynamodb!.NewImage!.status = { S: 'sent' };
    const other = structuredClone(record);
    other.dynamodb!.NewImage!.entity = { S: 'Resident' };
    const removed = { ...structuredClone(record), eventName: 'REMOVE' as const };
    for (const r of [sent, other, removed]) expect(matchesFilter(r, outboxFilterPattern)).toBe(false);
  });
});

describe('daily schedule at 18:00 Kyiv', () => {
  const s = { at: '18:00', timeZone: 'Europe/Kyiv' };
  it('fires at 16:00Z in winter and 15:00Z in summer', () => {
    expect(nextRun(s, new Date('2026-11-23T10:00:00Z')).toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(nextRun(s, new Date('2026-07-01T10:00:00Z')).toISOString()).toBe('2026-07-01T15:00:00.000Z');
  });
  it('rolls over to the next day, across the October change', () => {
    expect(nextRun(s, new Date('2026-10-24T15:00:01Z')).toISOString()).toBe('2026-10-25T16:00:00.000Z');
  });
});

describe('the local HTTP bridge serves the dispatcher console', () => {
  const TYPES: Record<string, string> = {
    html: 'text/html; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
  };

  /** A bridge serving `dir` as the console; its API answers every call 404 "from the API". */
  async function bridge(dir: string) {
    const api = async () => ({ statusCode: 404, body: '{"error":{"code":"not-found"}}' });
    const server = await serveHttpApi(api, { port: 0, actor: 'test', consoleDir: dir });
    const { port } = server.address() as AddressInfo;
    /** A GET with the path exactly as written: no normalising of `..` or `%2e%2e` (fetch does that). */
    const get = (path: string) =>
      new Promise<{ status: number; type?: string; location?: string; body: string }>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            body += c;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: res.headers['content-type'],
              location: res.headers.location,
              body,
            }),
          );
        })
          .on('error', reject)
          .end();
      });
    return { server, get };
  }

  it('serves each of its files with its type, redirects /console, and nothing else from disk', async () => {
    const dir = join(process.cwd(), 'console');
    const { server, get } = await bridge(dir);
    try {
      const page = await get('/console/');
      expect([page.status, page.type]).toEqual([200, TYPES.html]);
      expect(page.body).toContain('<title>Диспетчерська');
      const files = [
        ...readdirSync(dir),
        ...readdirSync(join(dir, 'vendor')).map((f) => `vendor/${f}`),
      ].filter((f) => /\.(html|js|css)$/.test(f));
      expect(files).toEqual(
        expect.arrayContaining(['app.js', 'api.js', 'console.css', 'vendor/preact.js', 'vendor/leaflet.css']),
      );
      for (const file of files) {
        const served = await get(`/console/${file}`);
        expect([file, served.status, served.type]).toEqual([file, 200, TYPES[file.split('.').pop()!]]);
        expect(served.body).toBe(readFileSync(join(dir, file), 'utf8'));
      }
      expect((await get('/console/?h=khmilnytska')).status).toBe(200);
      const moved = await get('/console');
      expect([moved.status, moved.location]).toEqual([301, '/console/']);
      for (const path of [
        '/console/../package.json',
        '/console/%2e%2e/package.json',
        '/console/%2E%2E%2Fpackage.json',
        '/console/..%2fpackage.json',
        '/console/..%5cpackage.json',
        '/console//etc/passwd',
        '/console/%2fetc%2fpasswd',
        '/console/.hidden.js',
        '/console/x.js',
        '/console/README.md',
        '/console/console.js.map',
        '/console/sub/console.js',
        '/console/vendor/../package.json',
        '/console/vendor/%2e%2e/package.json',
        '/console/vendor/vendor/preact.js',
        '/console/vendor/',
      ])
        expect([path, (await get(path)).status]).toEqual([path, 404]);
    } finally {
      server.close();
    }
  });

  it('serves no symlink that leads out of the folder, no folder, hidden file or subfolder file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'console-'));
    try {
      const dir = join(root, 'console');
      mkdirSync(dir);
      mkdirSync(join(dir, 'inner.js'));
      writeFileSync(join(dir, 'index.html'), '<title>Диспетчерська</title>');
      writeFileSync(join(dir, 'own.js'), 'export {};');
      writeFileSync(join(dir, '.hidden.js'), 'hidden');
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'deep.js'), 'deep');
      writeFileSync(join(root, 'secret.js'), 'secret');
      symlinkSync(join(root, 'secret.js'), join(dir, 'leak.js'));
      mkdirSync(join(dir, 'vendor'));
      writeFileSync(join(dir, 'vendor', 'lib.js'), 'export const lib = 1;');
      symlinkSync(join(root, 'secret.js'), join(dir, 'vendor', 'leak.js'));
      symlinkSync(join(dir, 'own.js'), join(dir, 'vendor', 'up.js'));
      symlinkSync(join(dir, 'own.js'), join(dir, 'alias.js'));
      const { server, get } = await bridge(dir);
      try {
        expect((await get('/console/own.js')).status).toBe(200);
        expect((await get('/console/alias.js')).body).toBe('export {};');
        const leak = await get('/console/leak.js');
        expect(leak.status).toBe(404);
        expect(leak.body).not.toContain('secret');
        expect((await get('/console/vendor/lib.js')).body).toBe('export const lib = 1;');
        for (const path of [
          '/console/inner.js',
          '/console/.hidden.js',
          '/console/sub/deep.js',
          '/console/vendor/leak.js',
          '/console/vendor/up.js',
        ])
          expect([path, (await get(path)).status]).toEqual([path, 404]);
      } finally {
        server.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the demo day', () => {
  it('is the next working day of the fleet in Kyiv, at any hour', async () => {
    const { nextDemoDay } = await import('../../../infra/local/demo-day');
    // Friday 20:00 Kyiv → Monday; Friday 23:30 UTC is already Saturday in Kyiv → Monday too
    expect(nextDemoDay(new Date('2026-12-04T18:00:00Z'))).toBe('2026-12-07');
    expect(nextDemoDay(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-07');
    // Tuesday 23:30 UTC is Wednesday 01:30 in Kyiv: the machine's "tomorrow" (Wednesday) is today there
    expect(nextDemoDay(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-03');
    // summer time: Sunday 22:30 UTC is Monday 01:30 in Kyiv → Tuesday
    expect(nextDemoDay(new Date('2026-07-05T22:30:00Z'))).toBe('2026-07-07');
  });
});
