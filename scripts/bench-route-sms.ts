/**
 * `npm run bench:route-sms`: what the drivers' route SMS cost on the demo day. Plans the demo day
 * on the in-memory stores (the same seed as `npm start`), builds every driver's route SMS in
 * Cyrillic (UCS-2) and in Latin transliteration (GSM-7), and records segments per stop in
 * docs/benchmarks.md.
 */

import { nextDemoDay, seedDemoDay } from '../infra/local/demo-day';
import { DEMO_HROMADA_ID } from '../infra/local/demo-places';
import { seedDemo } from '../infra/local/seed-demo';
import { MemoryEntityRepository } from '../shared/adapters/memory/memory-entity-repository';
import { MemoryOutboxRepository } from '../shared/adapters/memory/memory-outbox-repository';
import { MemoryPlanJobStore } from '../shared/adapters/memory/memory-plan-job-store';
import { OfflineTravelTimes } from '../shared/adapters/offline-travel-times/offline-travel-times';
import { BackgroundPlanJobRunner } from '../shared/adapters/plan-jobs/background-plan-job-runner';
import { StraightRouteGeometry } from '../shared/adapters/route-geometry/straight-route-geometry';
import { InProcessRouteSolver } from '../shared/adapters/routing/in-process-route-solver';
import { UlidIds } from '../shared/adapters/system/ulid-ids';
import { planDay } from '../shared/app/planning/plan-day';
import { routeMessages } from '../shared/app/planning/route-messages';
import { registryKinds } from '../shared/domain/registry';
import { countSegments } from '../shared/messaging/segments';
import { transliterate } from '../shared/messaging/transliterate';
import type { Ports } from '../shared/ports/ports';
import { machineLine, r, writeDocSection } from './lib/bench';

const now = new Date('2026-12-01T10:00:00Z');
const entities = new MemoryEntityRepository();
const ports = {
  entities,
  outbox: new MemoryOutboxRepository(entities),
  travel: new OfflineTravelTimes(),
  clock: { now: () => new Date(now) },
  ids: new UlidIds(),
  solver: new InProcessRouteSolver(),
  planJobs: new MemoryPlanJobStore(),
  routeLines: new StraightRouteGeometry(),
  planJobRunner: new BackgroundPlanJobRunner(),
} satisfies Omit<Ports, 'sms'>;

const day = nextDemoDay(now);
await seedDemo(ports);
await seedDemoDay(ports, day);
const plan = await planDay(ports, DEMO_HROMADA_ID, day, 'bench', { timeLimitMs: 2000, seed: 1 });
const hromada = (await entities.hromady.get(DEMO_HROMADA_ID))!;
const requests = await entities.requests.forDay(DEMO_HROMADA_ID, day);
const vehicles = (await entities.registry.list(registryKinds.vehicles, DEMO_HROMADA_ID, { limit: 1000 }))
  .items;
const drivers = (await entities.registry.list(registryKinds.drivers, DEMO_HROMADA_ID, { limit: 1000 })).items;
const routes = plan.routes.filter((route) => route.stops.length > 0);
const { changes } = routeMessages(ports, hromada, day, plan.version, routes, requests, vehicles, drivers);
const texts = changes.flatMap((c) => (c.op === 'outbox' ? [c.message.text] : []));

const stops = routes.reduce((n, route) => n + route.stops.length, 0);
const count = (list: string[]) => list.reduce((n, t) => n + countSegments(t).segments, 0);
const ucs2 = count(texts);
const gsm7 = count(texts.map(transliterate));
const rows = routes.map((route, i) => {
  const text = texts[i] ?? '';
  return `| ${route.vehicleId} | ${route.stops.length} | ${countSegments(text).segments} | ${countSegments(transliterate(text)).segments} |`;
});
// the longest route, as its driver reads it
const sample = [...texts].sort((a, b) => b.length - a.length)[0] ?? '';
const body = [
  `Demo day ${day} (${requests.length} requests, ${routes.length} routes, ${stops} stops), planned with the offline estimate. ${machineLine()}`,
  '',
  '| route | stops | UCS-2 segments | GSM-7 (Latin) segments |',
  '|---|---|---|---|',
  ...rows,
  `| **all** | **${stops}** | **${ucs2}** (${r(ucs2 / stops)} per stop) | **${gsm7}** (${r(gsm7 / stops)} per stop) |`,
  '',
  'Before the compact form (shared/messaging/driver-route.ts; measured 2026-12-02 on the same demo day): 21 UCS-2 segments (0.81 per stop), the 10-stop route 9 segments; 12 in Latin (0.46 per stop).',
  '',
  'The longest route as the driver reads it:',
  '',
  '```',
  sample,
  '```',
].join('\n');
writeDocSection('route-sms', body);
console.log(body);
