import type { Actor } from '../domain/actor';
import type { Hromada } from '../domain/entities/hromada';
import { NotFoundError, ValidationError } from '../domain/errors';
import { normalisePhone } from '../domain/phone';
import type {
  hromadaKind,
  RegistryFields,
  RegistryItem,
  RegistryKind,
  RegistryPatch,
} from '../domain/registry';
import type { Change, Page, PageRequest } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';
import type { HromadaScopedKind, PhoneMatch } from '../ports/stores';
import { auditChange } from './audit';
import { type Created, createOnce, type IdempotencyScope } from './idempotency';

type RegistryPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

async function requireHromada(ports: Pick<Ports, 'entities'>, hromadaId: string): Promise<Hromada> {
  const found = await ports.entities.hromady.get(hromadaId);
  if (!found) throw new NotFoundError('Hromada', hromadaId);
  return found;
}

/** What creating a hromada takes, parsed (`hromadaKind.create`). */
export type HromadaFields = RegistryFields<typeof hromadaKind>;

export async function createHromada(
  ports: RegistryPorts,
  fields: HromadaFields,
  actor: Actor,
): Promise<Hromada> {
  return (await createHromadaOnce(ports, fields, actor)).item;
}

/** `createHromada` with an optional Idempotency-Key (scoped to hromada `*`). */
export async function createHromadaOnce(
  ports: RegistryPorts,
  fields: HromadaFields,
  actor: Actor,
  scope?: IdempotencyScope,
): Promise<Created<Hromada>> {
  return createOnce(
    ports,
    { operation: 'POST /hromady', itemType: 'Hromada', input: fields, scope },
    async () => {
      const now = ports.clock.now().toISOString();
      const id = fields.id ?? ports.ids.next();
      const item: Hromada = { ...fields, id, hromadaId: id, version: 1, createdAt: now, updatedAt: now };
      const changes: Change[] = [
        { op: 'create', entity: 'Hromada', item },
        auditChange(ports, { id, rules: fields.rules }, actor, 'create', 'Hromada', id, Object.keys(fields)),
      ];
      return { item, changes };
    },
  );
}

export async function createEntity<K extends RegistryKind>(
  ports: RegistryPorts,
  kind: K,
  hromadaId: string,
  fields: RegistryFields<K>,
  actor: Actor,
): Promise<RegistryItem<K>> {
  return (await createEntityOnce(ports, kind, hromadaId, fields, actor)).item;
}

/** `createEntity` with an optional Idempotency-Key: a retry gets the first answer. */
export async function createEntityOnce<K extends RegistryKind>(
  ports: RegistryPorts,
  kind: K,
  hromadaId: string,
  input: RegistryFields<K>,
  actor: Actor,
  scope?: IdempotencyScope,
): Promise<Created<RegistryItem<K>>> {
  const operation = `POST /hromady/{h}/${kind.plural}`;
  return createOnce(ports, { operation, itemType: kind.entity, input, scope }, async () => {
    const fields = input as Record<string, unknown> & { id?: string };
    const hromada = await requireHromada(ports, hromadaId);
    const now = ports.clock.now().toISOString();
    const id = fields.id ?? ports.ids.next();
    const item = { ...fields, id, hromadaId, version: 1, createdAt: now, updatedAt: now } as RegistryItem<K>;
    const changes: Change[] = [
      writeOf(kind, item),
      auditChange(ports, hromada, actor, 'create', kind.entity, id, Object.keys(fields)),
    ];
    return { item, changes };
  });
}

export async function getEntity<K extends RegistryKind>(
  ports: Pick<Ports, 'entities'>,
  kind: K,
  hromadaId: string,
  id: string,
): Promise<RegistryItem<K>> {
  const found = await (isHromadaKind(kind)
    ? ports.entities.hromady.get(id)
    : ports.entities.registry.get(kind, hromadaId, id));
  if (!found) throw new NotFoundError(kind.entity, id);
  return found as RegistryItem<K>;
}

export async function listEntities<K extends RegistryKind>(
  ports: Pick<Ports, 'entities'>,
  kind: K,
  hromadaId: string,
  page: PageRequest,
): Promise<Page<RegistryItem<K>>> {
  if (isHromadaKind(kind)) return (await ports.entities.hromady.list(page)) as Page<RegistryItem<K>>;
  await requireHromada(ports, hromadaId);
  return ports.entities.registry.list(kind, hromadaId, page) as Promise<Page<RegistryItem<K>>>;
}

const isHromadaKind = (kind: RegistryKind): kind is typeof hromadaKind => kind.entity === 'Hromada';

/**
 * The create (or, with the version read, the update) of one registry item. Its kind's entity and
 * its item's type go together, which TypeScript cannot follow through the generic `K`: the one cast.
 */
function writeOf<K extends RegistryKind>(kind: K, item: RegistryItem<K>, expectedVersion?: number): Change {
  return (
    expectedVersion === undefined
      ? { op: 'create', entity: kind.entity, item }
      : { op: 'update', entity: kind.entity, item, expectedVersion }
  ) as Change;
}

/**
 * Partial update with optimistic locking: the caller sends the version it read (the patch is
 * parsed with `patchSchema(kind)`: only the keys sent). A stale version
 * is a 409 and changes nothing; the caller reloads and tries again.
 */
export async function updateEntity<K extends RegistryKind>(
  ports: RegistryPorts,
  kind: K,
  hromadaId: string,
  id: string,
  input: RegistryPatch,
  actor: Actor,
): Promise<RegistryItem<K>> {
  const { version, ...patch } = input;
  const current = await getEntity(ports, kind, hromadaId, id);
  const hromada = await requireHromada(ports, hromadaId);
  const stored: Record<string, unknown> = current;
  const changed = Object.keys(patch).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(stored[k]));
  // The patch was parsed with the kind's own fields (`patchSchema`), so the result is one of its items.
  const item = {
    ...current,
    ...patch,
    id,
    hromadaId,
    version: version + 1,
    updatedAt: ports.clock.now().toISOString(),
  } as RegistryItem<K>;
  await ports.entities.commit([
    writeOf(kind, item, version),
    auditChange(ports, hromada, actor, 'update', kind.entity, id, changed),
  ]);
  return item;
}

export async function deleteEntity(
  ports: RegistryPorts,
  kind: RegistryKind,
  hromadaId: string,
  id: string,
  expectedVersion: number | undefined,
  actor: Actor,
): Promise<void> {
  if (expectedVersion === undefined || !Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw new ValidationError('Deleting needs the version you read', [
      { path: 'version', message: 'pass ?version=N (the version you read)' },
    ]);
  }
  const hromada = await requireHromada(ports, hromadaId);
  await ports.entities.commit([
    { op: 'delete', entity: kind.entity, hromadaId, id, expectedVersion },
    auditChange(ports, hromada, actor, 'delete', kind.entity, id, []),
  ]);
}

/** The caller's number, as typed by the dispatcher, to the residents and drivers who have it. */
export async function findByPhone(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  phone: string,
): Promise<Array<PhoneMatch['item'] & { type: PhoneMatch['entity'] }>> {
  const check = normalisePhone(phone);
  if (!check.ok) {
    throw new ValidationError('Invalid phone', [
      { path: 'phone', message: 'not a valid Ukrainian phone number' },
    ]);
  }
  await requireHromada(ports, hromadaId);
  return (await ports.entities.people.byPhone(hromadaId, check.e164)).map((m) => ({
    ...m.item,
    type: m.entity,
  }));
}

/** Every item of one kind in a hromada (all pages): for use cases that need the whole fleet. */
export async function listAll<K extends HromadaScopedKind>(
  ports: Pick<Ports, 'entities'>,
  kind: K,
  hromadaId: string,
): Promise<RegistryItem<K>[]> {
  const out: RegistryItem<K>[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.entities.registry.list(kind, hromadaId, { limit: 200, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

export { requireHromada };
