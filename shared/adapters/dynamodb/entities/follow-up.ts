import type { FollowUp } from '../../../domain/entities/follow-up';
import { INDEX } from '../table-schema';
import { indexKeys, inHromada } from './layout';

/** D2: a hromada's open follow-up tasks (sparse: a closed task leaves the index). */
export const openFollowUps = {
  index: INDEX.openFollowUps,
  pk: (hromadaId: string) => `FOLLOWUP#OPEN#${hromadaId}`,
} as const;

/** D1, D3: a follow-up task in its hromada's partition; while open, also in D2 by creation time. */
export const followUpLayout = inHromada<FollowUp>('FollowUp', 'FOLLOWUP', (f) =>
  f.open ? indexKeys(openFollowUps.index, openFollowUps.pk(f.hromadaId), `${f.createdAt}#${f.id}`) : {},
);
