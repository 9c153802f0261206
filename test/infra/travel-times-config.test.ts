import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalId, resourcesOfType, synthStacks } from './helpers';

type Statement = { Action: string | string[]; Resource: unknown };

function apiOf(tpl: Template) {
  const fnId = logicalId(tpl, 'AWS::Lambda::Function', 'ApiFunction');
  const roleId = logicalId(tpl, 'AWS::IAM::Role', 'ApiFunctionServiceRole');
  const variables = (
    resourcesOfType(tpl, 'AWS::Lambda::Function')[fnId]!.Properties.Environment as {
      Variables: Record<string, unknown>;
    }
  ).Variables;
  const statements = Object.values(resourcesOfType(tpl, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const secretReads = statements.filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
  return { variables, secretReads };
}

describe('travel times in the deployment', () => {
  it('by default plans with the offline estimate: no host, no key, one secret read (the cursor secret)', () => {
    const { variables, secretReads } = apiOf(synthStacks().statelessTemplate);
    expect(variables.TRAVEL_TIMES).toBe('offline');
    expect(Object.keys(variables).filter((k) => k.startsWith('ORS_'))).toEqual([]);
    expect(secretReads).toHaveLength(1);
  });

  it('with the openrouteservice cloud: the key as a secret name the api may read, never its value', () => {
    const { variables, secretReads } = apiOf(
      synthStacks({
        travelTimes: 'ors',
        orsHost: 'https://api.openrouteservice.org',
        orsApiKeySecretName: 'hromada/ors-api-key',
        orsRequestsPerMinute: 40,
      }).statelessTemplate,
    );
    expect(variables).toMatchObject({
      TRAVEL_TIMES: 'ors',
      ORS_HOST: 'https://api.openrouteservice.org',
      ORS_API_KEY_SECRET_ID: 'hromada/ors-api-key',
      ORS_REQUESTS_PER_MINUTE: '40',
      ORS_MAX_CELLS: '3500',
    });
    expect(variables).not.toHaveProperty('ORS_API_KEY');
    expect(JSON.stringify(secretReads)).toMatch(/secret:hromada\/ors-api-key-\?\?\?\?\?\?/);
  });

  it('a self-hosted host needs no key; travelTimes=ors without a host does not deploy', () => {
    const { variables } = apiOf(
      synthStacks({ travelTimes: 'ors', orsHost: 'https://ors.internal.example' }).statelessTemplate,
    );
    expect(variables).toMatchObject({ TRAVEL_TIMES: 'ors', ORS_HOST: 'https://ors.internal.example' });
    expect(variables).not.toHaveProperty('ORS_API_KEY_SECRET_ID');
    expect(() => synthStacks({ travelTimes: 'ors' })).toThrow(/orsHost: required when travelTimes is ors/);
  });
});
