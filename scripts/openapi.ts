/**
 * npm run openapi: writes docs/openapi.json, the OpenAPI 3.1 description generated from the
 * route declarations (the same document `GET /openapi.json` serves). A unit test fails when the
 * committed file differs from the routes.
 */
import { writeFileSync } from 'node:fs';
import { apiDescriptionText } from '../functions/api/described-api';

const target = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(target, apiDescriptionText());
console.log(`wrote ${target.pathname}`);
