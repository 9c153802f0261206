import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import { apiEvent } from '../../support/api-events';
import { memoryPorts } from '../../support/fixtures';

/**
 * `GET /openapi.json` checked by an independent validator against the official OpenAPI 3.1
 * schema (spec.openapis.org, JSON Schema 2020-12, checked with ajv inside the package).
 */
const served = async () => {
  const handler = httpHandler(new Router(apiRoutes(memoryPorts().ports)));
  const res = await handler(apiEvent('GET', '/openapi.json', undefined, {}), lambdaContext('api'));
  expect(res.statusCode).toBe(200);
  return JSON.parse(res.body) as { paths: Record<string, Record<string, { responses?: unknown }>> };
};

describe('GET /openapi.json against the OpenAPI 3.1 schema', () => {
  it('is valid OpenAPI 3.1 for an independent validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(await served());
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is refused by the same validator when broken (the check bites)', async () => {
    const broken = await served();
    const [first] = Object.values(broken.paths);
    const [op] = Object.values(first ?? {});
    if (op) op.responses = 'none';
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });
});
