import type { Hromada } from '../../../domain/entities/hromada';
import { INDEX } from '../table-schema';
import { type EntityLayout, hromadaPk, indexKeys } from './layout';

/** Pattern 3: every hromada, by name. */
export const hromadyByName = { index: INDEX.hromadyByName, pk: 'HROMADY' } as const;

/** A hromada heads its own partition (`HROMADA#<h>` / `HROMADA`); its id is its hromadaId. */
export const hromadaLayout: EntityLayout<Hromada> = {
  entity: 'Hromada',
  key: (_hromadaId, id) => ({ pk: hromadaPk(id), sk: 'HROMADA' }),
  skPrefix: 'HROMADA',
  keysOf: (h) => ({
    pk: hromadaPk(h.id),
    sk: 'HROMADA',
    ...indexKeys(hromadyByName.index, hromadyByName.pk, `${h.name}#${h.id}`),
  }),
};
