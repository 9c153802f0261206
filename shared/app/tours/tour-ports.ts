import type { Hromada } from '../../domain/entities/hromada';
import { NotFoundError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';

export type TourReadPorts = Pick<Ports, 'entities'>;
export type TourWritePorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

export async function requireHromada(ports: TourReadPorts, hromadaId: string): Promise<Hromada> {
  const hromada = await ports.entities.hromady.get(hromadaId);
  if (!hromada) throw new NotFoundError('Hromada', hromadaId);
  return hromada;
}
