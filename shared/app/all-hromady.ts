import type { Hromada } from '../domain/entities/hromada';
import type { Ports } from '../ports/ports';

/** Every hromada of the deployment, all pages (the schedules that visit each, the SMS lookup, the air-raid poll). */
export async function readAllHromady(ports: Pick<Ports, 'entities'>): Promise<Hromada[]> {
  const all: Hromada[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.entities.hromady.list({ limit: 100, cursor });
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}
