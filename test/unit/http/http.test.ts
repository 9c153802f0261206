import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/domain/errors';
import { jsonBody } from '../../../shared/http/request';
import { errorResponse, json } from '../../../shared/http/responses';
import { Router } from '../../../shared/http/router';
import { apiEvent } from '../../support/api-events';

describe('the one error → HTTP mapping', () => {
  it('maps each domain error to its status', () => {
    expect(errorResponse(new ValidationError('bad', [{ path: 'phone', message: 'x' }]), 'r').statusCode).toBe(
      400,
    );
    expect(errorResponse(new NotFoundError('Resident', 'R1'), 'r').statusCode).toBe(404);
    const conflict = errorResponse(new ConflictError('stale', 3), 'r');
    expect(conflict.statusCode).toBe(409);
    expect(JSON.parse(conflict.body).error.currentVersion).toBe(3);
  });

  it('says nothing about an unexpected error', () => {
    const res = errorResponse(new TypeError("Cannot read properties of undefined (reading 'pk')"), 'req-1');
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'internal', message: 'Internal error', requestId: 'req-1' },
    });
  });
});

describe('request bodies', () => {
  it('decodes base64 bodies and checks the size in bytes, not characters', () => {
    const event = apiEvent('POST', '/x', undefined);
    event.body = Buffer.from('{"name":"Ганна"}').toString('base64');
    event.isBase64Encoded = true;
    event.headers = { 'content-type': 'application/json; charset=utf-8' };
    expect(jsonBody(event, 100)).toEqual({ name: 'Ганна' });
    expect(() => jsonBody(apiEvent('POST', '/x', { n: 'я'.repeat(60) }), 100)).toThrow(
      /too large: 1\d\d bytes/,
    );
  });
});

describe('router', () => {
  const router = new Router([
    { method: 'GET', path: '/hromady/{hromadaId}/residents/{id}', handle: async (r) => json(200, r.params) },
  ]);

  it('extracts decoded path parameters', async () => {
    const res = await router.route(apiEvent('GET', '/hromady/khmilnytska/residents/a%2Db_c'));
    expect(JSON.parse(res.body)).toEqual({ hromadaId: 'khmilnytska', id: 'a-b_c' });
  });

  it('refuses at construction a route whose path parameter no schema covers', () => {
    expect(
      () => new Router([{ method: 'GET', path: '/x/{whatever}', handle: async () => json(200, {}) }]),
    ).toThrow(/no schema for path parameter whatever/);
  });

  it('tells an unknown path (404) from a wrong method (405)', async () => {
    expect((await router.route(apiEvent('GET', '/nope'))).statusCode).toBe(404);
    expect((await router.route(apiEvent('DELETE', '/hromady/khmilnytska/residents/1'))).statusCode).toBe(405);
  });
});
