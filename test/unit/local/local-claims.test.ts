import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { localClaims } from '../../../infra/local/http-bridge';
import { callerOf } from '../../../shared/http/request';
import { viewerOf } from '../../../shared/http/viewer';

const eventWith = (claims: Record<string, string>) =>
  ({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } }) as unknown as APIGatewayProxyEventV2;

describe("the local HTTP bridge's fake Cognito claims", () => {
  it('acts as an admin of every hromada by default and for an unknown role', () => {
    for (const role of [undefined, 'admin', 'root']) {
      const caller = callerOf(
        eventWith(localClaims('local-dispatcher', role, '/hromady/khmilnytska/residents')),
      );
      expect(caller).toEqual({ id: 'local-dispatcher', groups: ['admins'] });
    }
  });

  it("a dispatcher works for the path's hromada, as custom:hromada_id makes them", () => {
    const event = eventWith(
      localClaims('local-dispatcher', 'dispatcher', '/hromady/khmilnytska/plans/2026-12-03'),
    );
    expect(callerOf(event)).toEqual({
      id: 'local-dispatcher',
      groups: ['dispatchers'],
      hromadaId: 'khmilnytska',
    });
    expect(viewerOf(event).role).toBe('dispatcher');
    expect(callerOf(eventWith(localClaims('a', 'dispatcher', '/health')))).toEqual({
      id: 'a',
      groups: ['dispatchers'],
    });
  });

  it('a brigade member is in the brigade group', () => {
    expect(viewerOf(eventWith(localClaims('a', 'brigade', '/hromady/k/cases'))).role).toBe('brigade');
  });

  it("a provider's user works for the provider in the path, in no hromada", () => {
    const event = eventWith(localClaims('a', 'provider', '/providers/ocss/tours'));
    expect(callerOf(event)).toEqual({ id: 'a', groups: ['dispatchers'], providerId: 'ocss' });
    expect(viewerOf(event)).toMatchObject({ role: 'dispatcher', providerId: 'ocss' });
    expect(callerOf(eventWith(localClaims('a', 'provider', '/hromady/khmilnytska/residents')))).toEqual({
      id: 'a',
      groups: ['dispatchers'],
    });
  });
});
