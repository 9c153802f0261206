/**
 * The reader of a confidential case, from the JWT: role from the Cognito groups (`admins`,
 * `dispatchers`, `brigade`; the strongest wins) and the provider from `custom:provider_id`.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Viewer, ViewerRole } from '../domain/viewer';
import { actorOf, callerOf } from './request';

const ROLE_OF_GROUP: Array<[string, ViewerRole]> = [
  ['admins', 'admin'],
  ['dispatchers', 'dispatcher'],
  ['brigade', 'brigade'],
];

export function viewerOf(event: APIGatewayProxyEventV2): Viewer {
  const caller = callerOf(event);
  const role = ROLE_OF_GROUP.find(([group]) => caller?.groups.includes(group))?.[1] ?? 'other';
  const ctx = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown> } };
  };
  const provider = ctx.authorizer?.jwt?.claims?.['custom:provider_id'];
  return {
    id: actorOf(event),
    role,
    ...(typeof provider === 'string' && provider ? { providerId: provider } : {}),
  };
}
