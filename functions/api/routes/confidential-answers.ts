import { z } from 'zod';
import { discloseRequest, discloseResident } from '../../../shared/app/confidential/confidential-reads';
import { editServiceRequest } from '../../../shared/app/edit-request';
import { updateEntity } from '../../../shared/app/registry';
import { changeRequestStatus, recordOutcome } from '../../../shared/app/service-requests';
import { serviceRequestEditSchema } from '../../../shared/domain/entities/service-request';
import { patchSchema, registryKinds } from '../../../shared/domain/registry';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import { viewerOf } from '../../../shared/http/viewer';
import type { Ports } from '../../../shared/ports/ports';
import { cancelBody } from './requests';
import { versionBody } from './version-body';

const outcomeBody = z.strictObject({
  version: z.number().int().positive(),
  outcome: z.enum(['on-board', 'done', 'no-show']),
});

/**
 * The writes that answer with a request or a resident: the same use cases as the plain routes,
 * their answer masked for a reader not entitled to a confidential case (and audited), so that an
 * edit cannot read what a GET would mask. They replace the plain routes of the same keys.
 */
export function confidentialAnswerRoutes(ports: Ports): Route[] {
  const residents = registryKinds.residents;
  return [
    defineRoute(
      'PATCH /hromady/{hromadaId}/requests/{id}',
      'Edit or reschedule a request not yet sent to a driver (the version read)',
      {
        body: { schema: serviceRequestEditSchema, what: 'request edit' },
        handle: async ({ params, body, actor, event }) => {
          const edited = await editServiceRequest(ports, params.hromadaId, params.id, body, actor);
          return json(200, await discloseRequest(ports, viewerOf(event), edited));
        },
      },
    ),
    ...(['cancel', 'confirm'] as const).map((action) =>
      idempotentRoute(
        ports,
        `POST /hromady/{hromadaId}/requests/{id}/${action}`,
        action === 'cancel'
          ? 'Cancel a request (and its linked return, unless keepReturn)'
          : 'Confirm a request',
        {
          body: { schema: action === 'cancel' ? cancelBody : versionBody, what: action },
          handle: async ({ params, body, actor, event }, ports) => {
            const next = action === 'cancel' ? 'cancelled' : 'confirmed';
            const { hromadaId, id } = params;
            const keepReturn = 'keepReturn' in body && body.keepReturn === true;
            const moved = await changeRequestStatus(
              ports,
              hromadaId,
              id,
              body.version,
              next,
              actor,
              [],
              'dispatcher',
              { keepReturn },
            );
            return json(200, await discloseRequest(ports, viewerOf(event), moved));
          },
        },
      ),
    ),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/requests/{id}/outcome',
      'What happened at the stop: on board, done or no-show',
      {
        body: { schema: outcomeBody, what: 'outcome' },
        handle: async ({ params, body, actor, event }, ports) => {
          const { hromadaId, id } = params;
          const r = await recordOutcome(
            ports,
            hromadaId,
            id,
            body.version,
            body.outcome,
            actor,
            [],
            'dispatcher',
          );
          return json(200, await discloseRequest(ports, viewerOf(event), r));
        },
      },
    ),
    defineRoute(
      'PATCH /hromady/{hromadaId}/residents/{id}',
      'Change a Resident (the version read, and the fields to change)',
      {
        body: { schema: patchSchema(residents), what: 'Resident update' },
        handle: async ({ params, body, actor, event }) => {
          const updated = await updateEntity(ports, residents, params.hromadaId, params.id, body, actor);
          return json(200, await discloseResident(ports, viewerOf(event), updated));
        },
      },
    ),
  ];
}
