import type { Hromada } from '../../shared/domain/entities/hromada';
import type { Ports } from '../../shared/ports/ports';

/** The hromada's card with its oblast and/or raion set (air-raid alerts name them). */
export async function setHromadaAreas(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  areas: Pick<Hromada, 'oblastId' | 'raionId'>,
): Promise<void> {
  const h = (await ports.entities.hromady.get(hromadaId))!;
  await ports.entities.commit([
    {
      op: 'update',
      entity: 'Hromada',
      item: { ...h, ...areas, version: h.version + 1 },
      expectedVersion: h.version,
    },
  ]);
}
