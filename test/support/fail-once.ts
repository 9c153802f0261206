import type { Change, EntityRepository } from '../../shared/ports/entity-repository';

/**
 * Storage throttled once: the first change set `hits` picks fails with a ThrottlingException, every
 * other one (and that one tried again) is written. Replaces `entities.commit` in place.
 */
export function failOnceWhen(entities: EntityRepository, hits: (changes: Change[]) => boolean): void {
  const commit = entities.commit.bind(entities);
  let failed = false;
  entities.commit = async (changes: Change[]) => {
    if (!failed && hits(changes)) {
      failed = true;
      throw new Error('ThrottlingException');
    }
    return commit(changes);
  };
}
