import { markWritten, refuseLateWrite } from '../../domain/answer-deadline';
import { type PlanJob, planJobSchema } from '../../domain/entities/plan-job';
import { ConflictError } from '../../domain/errors';
import type { Change, EntityRepository } from '../../ports/entity-repository';
import type { PlanJobStore } from '../../ports/plan-jobs';
import { dayAlreadyPlanning, jobEnded } from '../plan-jobs/plan-job-guard';

/** Plan jobs in memory, with the DynamoDB store's conditions (unit tests). */
export class MemoryPlanJobStore implements PlanJobStore {
  private readonly jobs = new Map<string, PlanJob>();
  private readonly guards = new Map<string, { jobId: string; leaseUntil: string }>();

  /** `entities`: where changes written with a job (`also`) go, as one unit with it. */
  constructor(private readonly entities?: Pick<EntityRepository, 'commit'>) {}

  async create(job: PlanJob, now: Date, also: Change[] = []): Promise<void> {
    refuseLateWrite(); // as the entities' commit (domain/answer-deadline.ts)
    const key = `${job.hromadaId}#${job.date}`;
    const held = this.guards.get(key);
    if (held && held.leaseUntil >= now.toISOString()) throw dayAlreadyPlanning(job, held.jobId);
    if (this.jobs.has(`${job.hromadaId}#${job.id}`))
      throw new ConflictError(`plan job ${job.id} already exists`);
    if (also.length > 0) {
      if (!this.entities) throw new Error('MemoryPlanJobStore: changes with a job need the entities');
      await this.entities.commit(also); // checked and written first: fails before the job is set
    }
    this.jobs.set(`${job.hromadaId}#${job.id}`, planJobSchema.parse(job));
    this.guards.set(key, { jobId: job.id, leaseUntil: job.leaseUntil });
    markWritten();
  }

  async get(hromadaId: string, jobId: string): Promise<PlanJob | undefined> {
    const job = this.jobs.get(`${hromadaId}#${jobId}`);
    return job ? structuredClone(job) : undefined;
  }

  async update(job: PlanJob, expectedVersion: number): Promise<void> {
    refuseLateWrite();
    const current = this.jobs.get(`${job.hromadaId}#${job.id}`);
    if (current?.version !== expectedVersion)
      throw new ConflictError(`plan job ${job.id} is no longer at version ${expectedVersion}`);
    this.jobs.set(`${job.hromadaId}#${job.id}`, planJobSchema.parse(job));
    const key = `${job.hromadaId}#${job.date}`;
    if (jobEnded(job) && this.guards.get(key)?.jobId === job.id) this.guards.delete(key);
    markWritten();
  }
}
