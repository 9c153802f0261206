import type { AddressInfo } from 'node:net';
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
  it('serves its three files, redirects /console, and nothing else from disk', async () => {
    const api = async () => ({ statusCode: 404, body: '{"error":{"code":"not-found"}}' });
    const server = await serveHttpApi(api, {
      port: 0,
      actor: 'test',
      consoleDir: join(process.cwd(), 'console'),
    });
    const { port } = server.address() as AddressInfo;
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
    try {
      const page = await get('/console/');
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<title>Диспетчерська');
      expect((await get('/console/console.js')).headers.get('content-type')).toContain('javascript');
      const moved = await get('/console');
      expect([moved.status, moved.headers.get('location')]).toEqual([301, '/console/']);
      // anything else goes to the API function, never to the file system
      for (const path of ['/console/../package.json', '/console/%2e%2e/package.json', '/console/x.js'])
        expect((await get(path)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
