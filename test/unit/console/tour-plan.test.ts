import { describe, expect, it } from 'vitest';
import { apiPathOf, jobPathOf, planTour } from '../../../console/tour-plan.js';
import {
  jobFailure,
  jobProgress,
  jobRunning,
  periodProblem,
  tourDates,
  tourIdOfJob,
  visitWords,
} from '../../../console/tour-words.js';
import { settle, useFakeApi } from './support/fake-fetch';

/**
 * Planning a tour from the console: the API's 201 with the tour, or a 202 with a job polled until
 * it ends (its Location, else the URL it gives), then the tour it names; a failed job's reason.
 */
const fake = useFakeApi({ status: 500 });

const body = { name: 'Тур' };

describe('planning a tour: 201 or 202', () => {
  it('takes a 201 with the tour as it is: no polling', async () => {
    fake.answers = [{ status: 201, body: { id: 't1', days: [], unassigned: [] } }];
    expect(await settle(planTour('ocss', body))).toEqual({ status: 'fulfilled', value: 't1' });
    expect(fake.sent).toEqual([{ method: 'POST', path: '/providers/ocss/tours', key: expect.any(String) }]);
  });

  it('polls a 202 at its Location until the job ends, showing each state, then names its tour', async () => {
    const location = 'https://api.example.org/providers/ocss/tour-jobs/j1';
    fake.answers = [
      { status: 202, body: { id: 'j1', state: 'queued' }, headers: { location } },
      { status: 200, body: { id: 'j1', state: 'running', progress: { elapsedMs: 1000 } } },
      { status: 200, body: { id: 'j1', state: 'done', tourId: 't9' } },
    ];
    const seen: string[] = [];
    const out = await settle(planTour('ocss', body, (job: { state: string }) => seen.push(job.state)));
    expect(out).toEqual({ status: 'fulfilled', value: 't9' });
    expect(seen).toEqual(['queued', 'running']);
    expect(fake.sent.map((s) => s.path)).toEqual([
      '/providers/ocss/tours',
      '/providers/ocss/tour-jobs/j1',
      '/providers/ocss/tour-jobs/j1',
    ]);
  });

  it("a failed job throws its reason in Ukrainian; with no Location the job's URL is polled", async () => {
    fake.answers = [
      { status: 202, body: { id: 'j2', state: 'running', url: '/providers/ocss/tour-jobs/j2' } },
      { status: 200, body: { id: 'j2', state: 'failed', error: { code: 'x', reason: 'немає візитів' } } },
    ];
    const out = await settle(planTour('ocss', body));
    expect(out.status).toBe('rejected');
    expect((out as PromiseRejectedResult).reason.message).toBe('Тур не сплановано: немає візитів');
    expect(fake.sent[1]!.path).toBe('/providers/ocss/tour-jobs/j2');
  });

  it('finds where to poll and what the job made in the shapes a job may take', () => {
    expect(apiPathOf('https://x.example/a/b?c=1')).toBe('/a/b?c=1');
    expect(jobPathOf('p 1', { id: 'j' }, undefined)).toBe('/providers/p%201/tour-jobs/j');
    expect(jobPathOf('p', { id: 'j', href: '/jobs/j' }, undefined)).toBe('/jobs/j');
    expect(tourIdOfJob({ state: 'done', result: { tourId: 'a' } })).toBe('a');
    expect(tourIdOfJob({ state: 'done', tour: { id: 'b' } })).toBe('b');
    expect(jobRunning({ status: 'pending' })).toBe(true);
    expect(jobRunning({ state: 'done' })).toBe(false);
    expect(jobFailure({ state: 'failed' })).toBe('Тур не сплановано: планування не вдалося');
    expect(jobProgress({ state: 'running', seconds: 5, progress: { elapsedMs: 2000, unassigned: 1 } })).toBe(
      'Планую тур… 2 с з 5, поза туром 1',
    );
    expect(jobProgress({ state: 'queued' })).toBe('Планую тур… (у черзі)');
  });
});

describe("a tour's words", () => {
  it('shows a confidential visit only as the API cleared it, never more', () => {
    const visit = {
      settlementName: 'Березна',
      confidential: true,
      residentName: 'Ганна',
      address: 'вул. Миру, 1',
      purpose: 'оцінка потреб',
    };
    expect(visitWords(visit)).toBe('Березна, Ганна, вул. Миру, 1, оцінка потреб');
    expect(visitWords(visit, false)).toBe('Березна, конфіденційно');
    expect(visitWords({ settlementName: 'Березна', confidential: true, address: 'конфіденційно' })).toBe(
      'Березна, конфіденційно',
    );
  });

  it("a period's working days, weekends left out when asked, and what makes it no tour", () => {
    // 2027-01-15 is a Friday
    expect(tourDates('2027-01-15', '2027-01-18', true)).toEqual(['2027-01-15', '2027-01-18']);
    expect(tourDates('2027-01-15', '2027-01-18', false)).toHaveLength(4);
    expect(periodProblem('2027-01-18', '2027-01-15', [])).toBe('Кінець періоду раніше за початок');
    expect(periodProblem('2027-01-16', '2027-01-17', [])).toBe('У цьому періоді немає робочих днів');
    const many = tourDates('2027-01-01', '2027-01-11', false);
    expect(periodProblem('2027-01-01', '2027-01-11', many)).toBe(
      'Тур — не більше 10 робочих днів (у періоді 11)',
    );
    expect(periodProblem('2027-01-15', '2027-01-15', ['2027-01-15'])).toBeUndefined();
  });
});
