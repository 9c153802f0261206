import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followJob, JobUnresolved, maxPolls, pendingJob, planTour } from '../../../console/tour-plan.js';
import { jobShare, jobStateWords } from '../../../console/tour-words.js';
import { settle, useFakeApi } from './support/fake-fetch';

/**
 * Following a tour job (console/tour-plan.js): the job is kept until its state is final, so that
 * a lost connection leads to «Перевірити планування» on the same job, never to a second POST; the
 * console waits as long as the job's budget allows; the status line hears state changes only.
 */
const fake = useFakeApi({ status: 500 });
let stored: Map<string, string>;

beforeEach(() => {
  stored = new Map();
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => stored.set(k, v),
    removeItem: (k: string) => stored.delete(k),
  });
});

const location = '/providers/ocss/tour-jobs/j63';
const running = { status: 200, body: { id: 'j63', state: 'running', seconds: 10 } };

describe('a tour job lost from sight is kept and checked again, never planned twice', () => {
  it('the connection lost while polling keeps the job; «Перевірити планування» follows it with no new POST', async () => {
    fake.answers = [
      { status: 202, body: { id: 'j63', state: 'queued', seconds: 10 }, headers: { location } },
      running,
      'offline',
      'offline',
      'offline',
      'offline',
    ];
    const out = await settle(planTour('ocss', { name: 'Тур' }));
    expect(out.status).toBe('rejected');
    const error = (out as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(JobUnresolved);
    expect(error.message).toContain('Перевірити планування');
    // kept, also for a reload of the page
    expect(pendingJob('ocss')).toEqual({ path: location, seconds: 10 });

    fake.answers = [running, { status: 200, body: { id: 'j63', state: 'done', tourId: 't63' } }];
    const again = await settle(followJob('ocss', pendingJob('ocss')!));
    expect(again).toEqual({ status: 'fulfilled', value: 't63' });
    expect(fake.sent.filter((s) => s.method === 'POST')).toHaveLength(1);
    expect(fake.sent.slice(-2).map((s) => s.path)).toEqual([location, location]);
    expect(pendingJob('ocss')).toBeUndefined();
  });

  it('a failed job, or one the API no longer knows, is forgotten', async () => {
    fake.answers = [
      { status: 202, body: { id: 'j64', state: 'running' }, headers: { location } },
      { status: 200, body: { id: 'j64', state: 'failed', error: { reason: 'немає візитів' } } },
    ];
    const failed = await settle(planTour('ocss', { name: 'Тур 2' }));
    expect((failed as PromiseRejectedResult).reason.message).toBe('Тур не сплановано: немає візитів');
    expect(pendingJob('ocss')).toBeUndefined();

    stored.set('hromada.tourJob.ocss', JSON.stringify({ path: location }));
    fake.answers = [{ status: 404, body: { error: { code: 'not-found' } } }];
    const gone = await settle(followJob('ocss', pendingJob('ocss')!));
    expect(gone.status).toBe('rejected');
    expect((gone as PromiseRejectedResult).reason).not.toBeInstanceOf(JobUnresolved);
    expect(pendingJob('ocss')).toBeUndefined();
  });
});

describe('how long the console waits for a tour job', () => {
  it('waits through a 600 s budget and its queueing (700 polls) instead of giving up at 600', async () => {
    const long = { status: 200, body: { id: 'j65', state: 'running', seconds: 600 } };
    fake.answers = [
      { status: 202, body: { id: 'j65', state: 'queued', seconds: 600 }, headers: { location } },
    ];
    for (let i = 0; i < 699; i++) fake.answers.push(long);
    fake.answers.push({ status: 200, body: { id: 'j65', state: 'done', tourId: 't65' } });
    expect(await settle(planTour('ocss', { name: 'Довгий тур' }))).toEqual({
      status: 'fulfilled',
      value: 't65',
    });
    expect(maxPolls({ seconds: 600 })).toBeGreaterThan(700);
    expect(maxPolls({ seconds: 10 })).toBeLessThan(maxPolls({ seconds: 600 }));
  });

  it('past its budget and margin, stops waiting but keeps the job to check later', async () => {
    fake.fallback = { status: 200, body: { id: 'j66', state: 'running', seconds: 5 } };
    fake.answers = [
      { status: 202, body: { id: 'j66', state: 'running', seconds: 5 }, headers: { location } },
    ];
    const out = await settle(planTour('ocss', { name: 'Тур 3' }));
    expect((out as PromiseRejectedResult).reason).toBeInstanceOf(JobUnresolved);
    expect(fake.sent.length - 1).toBe(maxPolls({ seconds: 5 }));
    expect(pendingJob('ocss')?.path).toBe(location);
  });
});

describe('the status line hears state changes only', () => {
  it('the same words for every poll of a state; the progress as a share of the budget', () => {
    const polls = [1, 2, 3].map((s) => ({ state: 'running', seconds: 5, progress: { elapsedMs: s * 1000 } }));
    expect(new Set(polls.map(jobStateWords))).toEqual(new Set(['Планую тур…']));
    expect(jobStateWords({ state: 'queued' })).toBe('Тур у черзі на планування…');
    expect(jobShare(polls[1])).toEqual({ value: 2, max: 5 });
    expect(jobShare({ state: 'queued' })).toBeUndefined();
  });
});
