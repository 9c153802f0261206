import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../shared/config/config';

const base = { TABLE_NAME: 'table', AWS_REGION: 'eu-central-1', SMS_TRANSPORT: 'sns' };

describe('travel-times configuration', () => {
  it('reads the openrouteservice key from a secret in AWS, never from a plain variable', () => {
    const ors = { ...base, TRAVEL_TIMES: 'ors', ORS_HOST: 'https://api.openrouteservice.org' };
    expect(loadConfig({ ...ors, ORS_API_KEY_SECRET_ID: 'hromada/ors-api-key' })).toMatchObject({
      ORS_API_KEY_SECRET_ID: 'hromada/ors-api-key',
      ORS_REQUESTS_PER_MINUTE: 40,
      ORS_MAX_CELLS: 3500,
      TRAVEL_CACHE_TTL_DAYS: 30,
    });
    expect(() => loadConfig({ ...ors, ORS_API_KEY: 'k', AWS_LAMBDA_FUNCTION_NAME: 'api' })).toThrow(
      /ORS_API_KEY is for local development/,
    );
    expect(() => loadConfig({ ...ors, ORS_API_KEY: 'k', ORS_API_KEY_SECRET_ID: 's' })).toThrow(/not both/);
    // a developer with a key, locally
    expect(loadConfig({ ...ors, ORS_API_KEY: 'k' }).ORS_API_KEY).toBe('k');
    expect(() => loadConfig({ ...base, TRAVEL_TIMES: 'ors' })).toThrow(/ORS_HOST is required/);
  });
});
