import type { Ports } from '../../ports/ports';

/** The residents told their new window with this plan version (window-notice.ts's ids). */
export async function windowNotices(
  ports: Pick<Ports, 'outbox'>,
  plan: { version: number; routes: Array<{ stops: Array<{ requestId: string }> }> },
): Promise<number> {
  const ids = new Set(plan.routes.flatMap((r) => r.stops.map((s) => s.requestId)));
  let told = 0;
  for (const id of ids) if (await ports.outbox.get(`window-${id}-v${plan.version}`)) told++;
  return told;
}
