/**
 * Crash-mid-publish: kills the one-machine platform (SIGKILL, the whole process group) again and
 * again while the stream is sending SMS, then checks that no message was lost or left `sending`.
 *
 *   npx tsx scripts/crash-publish.ts [--kills 20] [--seed 1] [--port 3100]
 *
 * Each round starts `npm start`'s entry on its own data folder, books two rides for the next
 * weekday (two confirmation SMS), re-plans the day and publishes it (route SMS for the drivers
 * whose routes changed), then SIGKILLs the platform 0–700 ms later, while the stream is delivering.
 * At the end the platform runs until every message is final (the local carrier receipts, from its
 * checkpoint, what the sink wrote before a kill; the outbox sweeper takes back the claims the kills
 * left `sending` after their 60 s lease and 120 s receipt grace), and the script reports: messages queued,
 * sent, failed, still open; SMS written to the sink per message (duplicates); claims found orphaned.
 * Loopback only. Exits 1 when a message is lost or stuck.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '3100' },
  },
});
const KILLS = Number(values.kills);
let seed = Number(values.seed);
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const PORT = Number(values.port);
const API = `http://127.0.0.1:${PORT}`;
const H = 'khmilnytska';
const dataDir = path.join(root, '.local/crash-publish/dynamodb');
const sinkFile = path.join(root, '.local/sms-sent.jsonl');
/** What every platform run printed, for when a start fails. */
let platformLog = 0;

interface Message {
  id: string;
  status: string;
  error?: string;
}
interface Resident {
  id: string;
  address: string;
  location: { lat: number; lon: number };
  phone?: string;
  smsConsent?: boolean;
}
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read field by field below
type Json = any;

function startPlatform(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--data-dir', dataDir], {
    cwd: root,
    detached: true,
    stdio: ['ignore', platformLog, platformLog],
    env: { ...process.env, PORT: String(PORT) },
  });
}

async function api(method: string, url: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${API}${url}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function waitHealthy(): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    try {
      if ((await api('GET', '/health')).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`platform did not start in 120 s; see ${path.join(path.dirname(dataDir), 'platform.log')}`);
}

async function allMessages(): Promise<Message[]> {
  const out: Message[] = [];
  let cursor: string | undefined;
  do {
    const page = await api('GET', `/hromady/${H}/messages?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.body.items);
    cursor = page.body.next;
  } while (cursor);
  return out;
}

function nextWeekday(): string {
  const d = new Date(Date.now() + 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

async function round(i: number, date: string, residents: Resident[]): Promise<void> {
  for (const k of [0, 1]) {
    const r = residents[(2 * i + k) % residents.length]!;
    await api('POST', `/hromady/${H}/requests`, {
      serviceType: 'social-taxi',
      residentId: r.id,
      date,
      pickup: { address: r.address, location: r.location },
      dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
      requestedTime: { kind: 'pickup', time: hhmm(8 * 60 + ((i * 23 + k * 11) % 480)) },
      purpose: 'medical',
    });
  }
  const current = await api('GET', `/hromady/${H}/plans/${date}`);
  const planned = await api('POST', `/hromady/${H}/plans/${date}`, {
    seconds: 0.5,
    ...(current.status === 200 ? { version: current.body.version } : {}),
  });
  // a background job (202): polled until it ends. A job the last kill cut short holds the day
  // until its lease passes (409): this round then publishes nothing
  if (planned.status !== 202) return;
  let job = planned.body;
  while (job.state === 'queued' || job.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    job = (await api('GET', `/hromady/${H}/plan-jobs/${job.id}`)).body;
  }
  if (job.state === 'done') {
    await api('POST', `/hromady/${H}/plans/${date}/publish`, { version: job.planVersion });
  }
}

function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.kill(-child.pid!, 'SIGKILL');
  return exited;
}

rmSync(path.dirname(dataDir), { recursive: true, force: true });
mkdirSync(path.dirname(dataDir), { recursive: true });
platformLog = openSync(path.join(path.dirname(dataDir), 'platform.log'), 'a');
const sinkStart = existsSync(sinkFile) ? statSync(sinkFile).size : 0;
const date = nextWeekday();
const orphanedClaims = new Set<string>();
console.log(`crash-publish: ${KILLS} kills, rides on ${date}, platform on port ${PORT}`);
for (let i = 0; i < KILLS; i++) {
  const child = startPlatform();
  await waitHealthy();
  const before = await allMessages();
  for (const m of before) if (m.status === 'sending') orphanedClaims.add(m.id);
  if (i === 0) {
    // the experiment is about crashes, not the hromada's daily SMS budget (500 segments in the demo)
    const hromada = await api('GET', `/hromady/${H}`);
    await api('PATCH', `/hromady/${H}`, {
      version: hromada.body.version,
      rules: { ...hromada.body.rules, dailySmsSegmentCap: 100_000 },
    });
  }
  const residents = (await api('GET', `/hromady/${H}/residents?limit=200`)).body.items.filter(
    (r: Resident) => r.phone && r.smsConsent !== false,
  );
  await round(i, date, residents);
  await new Promise((r) => setTimeout(r, Math.floor(random() * 700)));
  await kill(child);
  console.log(`  kill ${i + 1}/${KILLS}: ${before.length} messages before this round`);
}

// Let the platform finish: the sweeper takes back orphaned claims after their lease.
const last = startPlatform();
await waitHealthy();
const atRestart = await allMessages();
for (const m of atRestart) if (m.status === 'sending') orphanedClaims.add(m.id);
const settleUntil = Date.now() + 6 * 60_000;
let messages = atRestart;
while (Date.now() < settleUntil) {
  messages = await allMessages();
  if (messages.every((m) => m.status !== 'pending' && m.status !== 'sending')) break;
  await new Promise((r) => setTimeout(r, 2000));
}
const exited = new Promise<void>((r) => last.once('exit', () => r()));
process.kill(-last.pid!, 'SIGINT');
await exited;

const sinkLines = readFileSync(sinkFile).subarray(sinkStart).toString('utf8').split('\n').filter(Boolean);
const perMessage = new Map<string, number>();
// a line the sink could not finish (killed mid-write) is counted apart, not skipped silently
let tornLines = 0;
for (const line of sinkLines) {
  let ref: string | undefined;
  try {
    ref = JSON.parse(line).reference;
  } catch {
    tornLines += 1;
    console.log(`torn sink line: ${line.slice(0, 200)}`);
  }
  if (ref) perMessage.set(ref, (perMessage.get(ref) ?? 0) + 1);
}
for (const [ref, n] of perMessage) if (n > 1) console.log(`sent ${n} times: ${ref}`);
const count = (status: string) => messages.filter((m) => m.status === status).length;
for (const m of messages.filter((x) => x.status === 'failed')) console.log(`failed: ${m.id}: ${m.error}`);
const sentWithoutSms = messages.filter((m) => m.status === 'sent' && !perMessage.has(m.id)).length;
const duplicates = [...perMessage.values()].filter((n) => n > 1).length;
const report = {
  kills: KILLS,
  messages: messages.length,
  sent: count('sent'),
  failed: count('failed'),
  stuckPending: count('pending'),
  stuckSending: count('sending'),
  sentWithoutSms,
  claimsLeftSendingByKills: orphanedClaims.size,
  smsWritten: sinkLines.length - tornLines,
  tornLines,
  messagesSentTwice: duplicates,
};
console.log(JSON.stringify(report, null, 2));
process.exit(report.stuckPending + report.stuckSending + report.sentWithoutSms > 0 ? 1 : 0);
