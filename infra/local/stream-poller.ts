import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { type AnyHandler, lambdaContext } from './lambda-context';

/** An event-source-mapping filter pattern (the subset used here: nested objects of allowed values). */
export type FilterPattern = { [key: string]: readonly string[] | FilterPattern };

export function matchesFilter(value: unknown, pattern: FilterPattern): boolean {
  if (!value || typeof value !== 'object') return false;
  const obj = value as Record<string, unknown>;
  return Object.entries(pattern).every(([key, rule]) =>
    Array.isArray(rule) ? rule.includes(obj[key] as string) : matchesFilter(obj[key], rule as FilterPattern),
  );
}

export interface StreamMapping {
  functionName: string;
  handler: AnyHandler;
  filter: FilterPattern;
  batchSize: number;
  /** Retries of a failing batch before its records go to the failure destination. */
  retryAttempts: number;
  /** Where records that failed every retry are written (the DLQ of the local platform). */
  failedRecordsFile: string;
  pollIntervalMs?: number;
  retryDelayMs?: number;
}

/**
 * Feeds DynamoDB Local's stream to a handler the way a Lambda event source mapping does:
 * filtered records in batches, `batchItemFailures` honoured (retry from the first failed record,
 * records before it are checkpointed), a whole-batch retry when the handler throws, and records
 * that fail every retry written to a file a developer can read.
 */
export class StreamPoller {
  private readonly client: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string | undefined>();
  private readonly lastSequence = new Map<string, string>();
  private running = false;
  private stopping = false;
  private loop?: Promise<void>;
  private lastDescribe = 0;
  delivered = 0;
  failed = 0;

  constructor(
    private readonly streamArn: string,
    endpoint: string,
    private readonly mapping: StreamMapping,
  ) {
    this.client = new DynamoDBStreamsClient({
      region: 'local',
      endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    await this.loop;
    this.client.destroy();
  }

  /** One pass over every shard; resolves when all records seen so far are handled (for tests). */
  async drain(): Promise<number> {
    await this.discoverShards(true);
    let handled = 0;
    for (const shardId of [...this.iterators.keys()]) handled += await this.pollShard(shardId);
    return handled;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drain();
      } catch (error) {
        console.error(`[stream] ${this.mapping.functionName}: ${(error as Error).message}`);
      }
      await sleep(this.mapping.pollIntervalMs ?? 250);
    }
  }

  private async discoverShards(force = false): Promise<void> {
    if (!force && Date.now() - this.lastDescribe < 2000) return;
    this.lastDescribe = Date.now();
    const out = await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    for (const shard of out.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || this.iterators.has(shard.ShardId)) continue;
      const it = await this.client.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shard.ShardId,
          // From the oldest kept record: outbox items written while the platform was down still
          // go out; ones already sent are skipped by the handler's idempotent claim.
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      this.iterators.set(shard.ShardId, it.ShardIterator);
    }
  }

  private async iteratorAfter(shardId: string): Promise<string | undefined> {
    const after = this.lastSequence.get(shardId);
    const out = await this.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return out.ShardIterator;
  }

  private async pollShard(shardId: string): Promise<number> {
    let handled = 0;
    for (;;) {
      const iterator = this.iterators.get(shardId);
      if (!iterator) return handled; // closed shard, fully read
      let out: GetRecordsCommandOutput;
      try {
        out = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error;
        // Iterators expire after a pause (a laptop asleep): resume after the last record read.
        this.iterators.set(shardId, await this.iteratorAfter(shardId));
        continue;
      }
      this.iterators.set(shardId, out.NextShardIterator);
      const last = out.Records?.at(-1)?.dynamodb?.SequenceNumber;
      if (last) this.lastSequence.set(shardId, last);
      const records = (out.Records ?? [])
        .map(toLambdaRecord(this.streamArn))
        .filter((r) => matchesFilter(r, this.mapping.filter));
      for (let i = 0; i < records.length; i += this.mapping.batchSize) {
        await this.deliver(records.slice(i, i + this.mapping.batchSize));
        handled += Math.min(this.mapping.batchSize, records.length - i);
      }
      if (!out.Records?.length) return handled;
    }
  }

  private async deliver(batch: DynamoDBRecord[]): Promise<void> {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      let failedIds: string[];
      try {
        const event: DynamoDBStreamEvent = { Records: pending };
        const response = (await this.mapping.handler(event, lambdaContext(this.mapping.functionName))) as
          | DynamoDBBatchResponse
          | undefined;
        failedIds = (response?.batchItemFailures ?? []).map((f) => f.itemIdentifier);
      } catch (error) {
        const first = (error as { recordErrors?: Error[] }).recordErrors?.[0];
        console.error(
          `[stream] ${this.mapping.functionName} threw: ${(error as Error).message}${first ? ` (first: ${first.message})` : ''}`,
        );
        failedIds = pending.map((r) => r.dynamodb?.SequenceNumber ?? '');
      }
      if (failedIds.length === 0) {
        this.delivered += pending.length;
        return;
      }
      // Lambda checkpoints before the lowest failed sequence number and retries from there.
      const first = pending.findIndex((r) => failedIds.includes(r.dynamodb?.SequenceNumber ?? ''));
      const from = first < 0 ? 0 : first;
      this.delivered += from;
      pending = pending.slice(from);
      // Stopping: leave the rest unacknowledged; the next start reads it again from the stream.
      if (this.stopping) return;
      if (attempt >= this.mapping.retryAttempts) {
        this.failed += pending.length;
        await this.keepFailed(pending, failedIds);
        return;
      }
      await sleep((this.mapping.retryDelayMs ?? 500) * 2 ** attempt);
    }
  }

  private async keepFailed(records: DynamoDBRecord[], failedIds: string[]): Promise<void> {
    const file = this.mapping.failedRecordsFile;
    await mkdir(dirname(file), { recursive: true });
    const lines = records
      .filter((r) => failedIds.includes(r.dynamodb?.SequenceNumber ?? ''))
      .map((r) =>
        JSON.stringify({ at: new Date().toISOString(), function: this.mapping.functionName, record: r }),
      );
    await appendFile(file, `${lines.join('\n')}\n`);
    console.error(`[stream] ${lines.length} record(s) failed every retry; kept in ${file}`);
  }
}

function toLambdaRecord(streamArn: string) {
  return (r: _Record): DynamoDBRecord => ({
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: r.awsRegion ?? 'local',
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: r.dynamodb?.ApproximateCreationDateTime
        ? Math.floor(new Date(r.dynamodb.ApproximateCreationDateTime).getTime() / 1000)
        : undefined,
      Keys: r.dynamodb?.Keys as never,
      NewImage: r.dynamodb?.NewImage as never,
      OldImage: r.dynamodb?.OldImage as never,
      SequenceNumber: r.dynamodb?.SequenceNumber,
      SizeBytes: r.dynamodb?.SizeBytes,
      StreamViewType: r.dynamodb?.StreamViewType as never,
    },
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
