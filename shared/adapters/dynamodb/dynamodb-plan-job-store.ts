import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type PlanJob, planJobSchema } from '../../domain/entities/plan-job';
import { ConflictError } from '../../domain/errors';
import type { Change } from '../../ports/entity-repository';
import type { PlanJobStore } from '../../ports/plan-jobs';
import { dayAlreadyPlanning, jobEnded } from '../plan-jobs/plan-job-guard';
import { explainCancellation, toTransactItem } from './dynamodb-transaction';
import { TABLE_SCHEMA } from './table-schema';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = TABLE_SCHEMA;
/** A job is kept for a month (the dispatcher's "how did that plan go"), then TTL deletes it. */
const JOB_TTL_S = 30 * 86_400;
/** A guard outlives its lease by a day (TTL deletion is lazy; the condition, not TTL, frees it). */
const GUARD_TTL_S = 86_400;

const epochS = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * Plan jobs in the single table (docs/data-model.md, J1–J4): the job `HROMADA#<h>` /
 * `PLANJOB#<id>` and the day's guard `HROMADA#<h>` / `PLANJOBDAY#<date>` naming the job that
 * holds it until `leaseUntil`.
 */
export class DynamoDbPlanJobStore implements PlanJobStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(job: PlanJob, now: Date, also: Change[] = []): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: this.jobItem(job),
                ConditionExpression: 'attribute_not_exists(#pk)',
                ExpressionAttributeNames: { '#pk': PK },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: {
                  ...guardKey(job),
                  entity: 'PlanJobGuard',
                  jobId: job.id,
                  leaseUntil: job.leaseUntil,
                  [TTL]: epochS(job.leaseUntil) + GUARD_TTL_S,
                },
                ConditionExpression: 'attribute_not_exists(#pk) OR #lease < :now',
                ExpressionAttributeNames: { '#pk': PK, '#lease': 'leaseUntil' },
                ExpressionAttributeValues: { ':now': now.toISOString() },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            ...also.map((change) => toTransactItem(this.table, change)),
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const held = error.CancellationReasons?.[1];
      if (held?.Code === 'ConditionalCheckFailed')
        throw dayAlreadyPlanning(job, String(held.Item?.jobId?.S ?? ''));
      const reasons = error.CancellationReasons ?? [];
      if (reasons.slice(2).some((r) => r.Code && r.Code !== 'None')) {
        // the reasons of `also`, in its own order (explainCancellation reads only the reasons)
        const ofAlso = { CancellationReasons: reasons.slice(2) } as TransactionCanceledException;
        throw explainCancellation(ofAlso, also);
      }
      throw new ConflictError(`plan job ${job.id} already exists`);
    }
  }

  async get(hromadaId: string, jobId: string): Promise<PlanJob | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: jobKey(hromadaId, jobId), ConsistentRead: true }),
    );
    return res.Item ? planJobSchema.parse(res.Item) : undefined;
  }

  async update(job: PlanJob, expectedVersion: number): Promise<void> {
    const put = {
      Put: {
        TableName: this.table,
        Item: this.jobItem(job),
        ConditionExpression: '#version = :v',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':v': expectedVersion },
      },
    };
    // a job that ends gives the day back, only if the guard is still its own
    const release = {
      Delete: {
        TableName: this.table,
        Key: guardKey(job),
        ConditionExpression: 'attribute_not_exists(#pk) OR jobId = :job',
        ExpressionAttributeNames: { '#pk': PK },
        ExpressionAttributeValues: { ':job': job.id },
      },
    };
    try {
      await this.doc.send(
        new TransactWriteCommand({ TransactItems: jobEnded(job) ? [put, release] : [put] }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [jobReason] = error.CancellationReasons ?? [];
      if (jobReason?.Code === 'ConditionalCheckFailed')
        throw new ConflictError(`plan job ${job.id} is no longer at version ${expectedVersion}`);
      // the guard passed its lease and another job holds the day: write the job alone
      await this.doc.send(new TransactWriteCommand({ TransactItems: [put] }));
    }
  }

  private jobItem(job: PlanJob): Record<string, unknown> {
    return {
      ...planJobSchema.parse(job),
      ...jobKey(job.hromadaId, job.id),
      entity: 'PlanJob',
      [TTL]: epochS(job.createdAt) + JOB_TTL_S,
    };
  }
}

function jobKey(hromadaId: string, jobId: string) {
  return { [PK]: `HROMADA#${hromadaId}`, [SK]: `PLANJOB#${jobId}` };
}

function guardKey(job: Pick<PlanJob, 'hromadaId' | 'date'>) {
  return { [PK]: `HROMADA#${job.hromadaId}`, [SK]: `PLANJOBDAY#${job.date}` };
}
