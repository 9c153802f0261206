import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { apiRoutes } from '../../../functions/api/routes';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import { apiEvent } from '../../support/api-events';
import { memoryPorts } from '../../support/fixtures';

/**
 * `GET /openapi.json` checked by an independent validator against the official OpenAPI 3.1
 * schema (spec.openapis.org, JSON Schema 2020-12, checked with ajv): the package
 * `@seriousme/openapi-schema-validator` (devDependency).
 */
interface ValidationResult {
  valid: boolean;
  errors?: unknown;
}
interface SchemaValidator {
  version: string;
  validate(spec: object): Promise<ValidationResult>;
}
interface ValidatorModule {
  Validator: new () => SchemaValidator;
}

const VALIDATOR = '@seriousme/openapi-schema-validator';

async function validatorModule(): Promise<ValidatorModule> {
  try {
    return (await import(/* @vite-ignore */ VALIDATOR)) as ValidatorModule;
  } catch (error) {
    throw new Error(`${VALIDATOR} is not installed: npm install --save-dev ${VALIDATOR} (${String(error)})`);
  }
}

describe('GET /openapi.json against the OpenAPI 3.1 schema', () => {
  it('is valid OpenAPI 3.1 for an independent validator', async () => {
    const handler = httpHandler(new Router(apiRoutes(memoryPorts().ports)));
    const res = await handler(apiEvent('GET', '/openapi.json', undefined, {}), lambdaContext('openapi'));
    expect(res.statusCode).toBe(200);
    const served = JSON.parse(res.body) as { openapi: string };
    const { Validator } = await validatorModule();
    const validator = new Validator();
    const result = await validator.validate(served);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is refused by the same validator when broken (the check bites)', async () => {
    const handler = httpHandler(new Router(apiRoutes(memoryPorts().ports)));
    const res = await handler(apiEvent('GET', '/openapi.json', undefined, {}), lambdaContext('openapi'));
    const broken = JSON.parse(res.body) as { paths: Record<string, Record<string, { responses?: unknown }>> };
    const [first] = Object.values(broken.paths);
    const [op] = Object.values(first ?? {});
    if (op) op.responses = 'none';
    const { Validator } = await validatorModule();
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });
});
