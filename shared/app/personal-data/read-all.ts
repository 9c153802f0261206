import type { Page, PageRequest } from '../../ports/entity-repository';

/** Pages read per listing, 200 items each: a bound on the scans of a hromada's logs. */
export const MAX_LOG_PAGES = 50;
const PAGE_SIZE = 200;

/** What a bounded read of a paged listing found: `complete` is false when the bound cut it short. */
export interface Collected<T> {
  items: T[];
  complete: boolean;
}

/**
 * Every item of a paged listing that `keep` accepts, page by page, at most `maxPages` pages
 * (unbounded when `maxPages` is undefined: a listing that is one resident's own, like pattern 6).
 */
export async function collect<T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  keep: (item: T) => boolean = () => true,
  maxPages?: number,
): Promise<Collected<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; maxPages === undefined || pages < maxPages; pages += 1) {
    const page = await read({ limit: PAGE_SIZE, cursor });
    items.push(...page.items.filter(keep));
    cursor = page.next;
    if (!cursor) return { items, complete: true };
  }
  return { items, complete: false };
}
