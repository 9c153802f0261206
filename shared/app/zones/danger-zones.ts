/**
 * Danger zones and closed roads (docs/services/danger-zones.md): upload or draw (a GeoJSON Feature
 * or FeatureCollection, every zone and its audit entry in one transaction), list, deactivate. The
 * zones in force on a day are what planning avoids (zones-of-day.ts).
 */
import type { Actor } from '../../domain/actor';
import {
  asMultiPolygon,
  type DangerZone,
  dangerZoneSchema,
  type ZoneUpload,
} from '../../domain/entities/danger-zone';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { requireHromada } from '../registry';

type ZonePorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

const DEFAULT_NAME = { 'danger-zone': 'Небезпечна зона', 'closed-road': 'Перекрита дорога' } as const;

export async function createZones(
  ports: ZonePorts,
  hromadaId: string,
  upload: ZoneUpload,
  actor: Actor,
): Promise<DangerZone[]> {
  const hromada = await requireHromada(ports, hromadaId);
  const now = ports.clock.now().toISOString();
  const zones = upload.features.map((f) => {
    const p = f.properties ?? { kind: 'danger-zone' as const };
    return dangerZoneSchema.parse({
      id: ports.ids.next(),
      hromadaId,
      version: 1,
      createdAt: now,
      updatedAt: now,
      name: p.name ?? DEFAULT_NAME[p.kind],
      kind: p.kind,
      geometry: asMultiPolygon(f.geometry),
      ...(p.from ? { from: p.from } : {}),
      ...(p.to ? { to: p.to } : {}),
      ...(p.note ? { note: p.note } : {}),
      ...(f.id !== undefined ? { sourceId: String(f.id) } : {}),
      active: true,
    });
  });
  const changes: Change[] = zones.flatMap((zone) => [
    { op: 'create', entity: 'DangerZone', item: zone } as const,
    auditChange(ports, hromada, actor, 'create', 'DangerZone', zone.id, ['geometry', 'kind', 'name']),
  ]);
  await ports.entities.commit(changes);
  return zones;
}

/** ZN2: the hromada's zones; `active` filters them. */
export async function listZones(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  filter: { active?: boolean } = {},
): Promise<{ items: DangerZone[] }> {
  await requireHromada(ports, hromadaId);
  const all = await ports.entities.dangerZones.all(hromadaId);
  return { items: filter.active === undefined ? all : all.filter((z) => z.active === filter.active) };
}

/** A zone no longer applies from now on (plans already made keep their routes until re-planned). */
export async function deactivateZone(
  ports: ZonePorts,
  hromadaId: string,
  id: string,
  version: number,
  actor: Actor,
): Promise<DangerZone> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await ports.entities.dangerZones.get(hromadaId, id);
  if (!current) throw new NotFoundError('DangerZone', id);
  if (current.version !== version)
    throw new ConflictError(`Danger zone ${id} was changed by someone else: read it again`, current.version);
  if (!current.active)
    throw new ConflictError(`Danger zone ${id} is not active`, current.version, {
      reason: 'Зону вже вимкнено',
    });
  const now = ports.clock.now().toISOString();
  const zone: DangerZone = {
    ...current,
    active: false,
    deactivatedAt: now,
    version: version + 1,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'update', entity: 'DangerZone', item: zone, expectedVersion: version },
    auditChange(ports, hromada, actor, 'update', 'DangerZone', id, ['active', 'deactivatedAt']),
  ]);
  return zone;
}
