import { z } from 'zod';
import {
  createEntityOnce,
  createHromadaOnce,
  deleteEntity,
  findByPhone,
  getEntity,
  listEntities,
  requireHromada,
  updateEntity,
} from '../../../shared/app/registry';
import {
  hromadaKind,
  patchSchema,
  type RegistryFields,
  type RegistryKind,
  registryKinds,
} from '../../../shared/domain/registry';
import { created, idempotencyHeaders, idempotencyScope } from '../../../shared/http/idempotency-key';
import { json, noContent } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { pageQuery } from './page-query';

const versionQuery = z.object({ version: z.coerce.number().int().positive() });
const phoneQuery = z.object({ phone: z.string().min(5).max(40) });

/** Hromady (admins), who is calling, and the CRUD of every registry kind, declared per kind. */
export function registryRoutes(ports: Ports): Route[] {
  return [
    ...hromadaRoutes(ports),
    defineRoute('GET /hromady/{hromadaId}/callers', 'The residents and drivers with this phone number', {
      query: phoneQuery,
      handle: async ({ params, query }) =>
        json(200, { items: await findByPhone(ports, params.hromadaId, query.phone) }),
    }),
    ...Object.values(registryKinds).flatMap((kind) => crudRoutes(ports, kind)),
  ];
}

function hromadaRoutes(ports: Ports): Route[] {
  return [
    defineRoute('GET /hromady', 'List hromady', {
      access: 'admin',
      query: pageQuery,
      handle: async ({ query }) => json(200, await listEntities(ports, hromadaKind, '', query)),
    }),
    defineRoute('POST /hromady', 'Create a hromada', {
      access: 'admin',
      headers: idempotencyHeaders,
      body: { schema: hromadaKind.create, what: 'Hromada' },
      status: 201,
      handle: async ({ headers, body, actor }) =>
        created(await createHromadaOnce(ports, body, actor, idempotencyScope('*', actor, headers))),
    }),
    defineRoute('GET /hromady/{hromadaId}', 'A hromada and its rules', {
      handle: async ({ params }) => json(200, await requireHromada(ports, params.hromadaId)),
    }),
    defineRoute(
      'PATCH /hromady/{hromadaId}',
      'Change a hromada (the version read, and the fields to change)',
      {
        access: 'admin',
        body: { schema: patchSchema(hromadaKind), what: 'Hromada update' },
        handle: async ({ params, body, actor }) =>
          json(200, await updateEntity(ports, hromadaKind, params.hromadaId, params.hromadaId, body, actor)),
      },
    ),
  ];
}

function crudRoutes<K extends RegistryKind>(ports: Ports, kind: K): Route[] {
  const base: `/hromady/{hromadaId}/${string}` = `/hromady/{hromadaId}/${kind.plural}`;
  const create = kind.create as unknown as z.ZodType<RegistryFields<K>>;
  return [
    defineRoute(`GET ${base}`, `List ${kind.plural}`, {
      query: pageQuery,
      handle: async ({ params, query }) =>
        json(200, await listEntities(ports, kind, params.hromadaId, query)),
    }),
    defineRoute(`POST ${base}`, `Create a ${kind.entity}`, {
      headers: idempotencyHeaders,
      body: { schema: create, what: kind.entity },
      status: 201,
      handle: async ({ params, headers, body, actor }) => {
        const scope = idempotencyScope(params.hromadaId, actor, headers);
        return created(await createEntityOnce(ports, kind, params.hromadaId, body, actor, scope));
      },
    }),
    defineRoute(`GET ${base}/{id}`, `A ${kind.entity}`, {
      handle: async ({ params }) => json(200, await getEntity(ports, kind, params.hromadaId, params.id)),
    }),
    defineRoute(
      `PATCH ${base}/{id}`,
      `Change a ${kind.entity} (the version read, and the fields to change)`,
      {
        body: { schema: patchSchema(kind), what: `${kind.entity} update` },
        handle: async ({ params, body, actor }) =>
          json(200, await updateEntity(ports, kind, params.hromadaId, params.id, body, actor)),
      },
    ),
    defineRoute(`DELETE ${base}/{id}`, `Delete a ${kind.entity} (the version read)`, {
      query: versionQuery,
      status: 204,
      handle: async ({ params, query, actor }) => {
        await deleteEntity(ports, kind, params.hromadaId, params.id, query.version, actor);
        return noContent();
      },
    }),
  ];
}
