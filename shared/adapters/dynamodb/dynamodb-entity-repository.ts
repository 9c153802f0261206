import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/entities/audit-entry';
import type { IdempotencyRecord } from '../../domain/entities/idempotency-record';
import { importJobSchema } from '../../domain/entities/import-job';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { ResidentDay } from '../../domain/entities/resident-day';
import { type EntityOf, parseRegistryItem, parseStored } from '../../domain/stored-entities';
import type { Change, EntityRepository } from '../../ports/entity-repository';
import type {
  AirRaidStore,
  AlertStore,
  AuditLog,
  CaseBookingStore,
  CaseStopStore,
  DangerZoneStore,
  FollowUpStore,
  HromadaStore,
  IdempotencyStore,
  ImportJobStore,
  InboundLog,
  PeopleStore,
  PhoneMatch,
  PlanStore,
  RegistryStore,
  ReportDayStore,
  RequestStore,
  ResidentDayStore,
  StandingOrderStore,
  TourStores,
} from '../../ports/stores';
import { withReportDays } from '../report-day-changes';
import { CursorSealer } from './cursor';
import { dynamoDbCaseBookingStore, dynamoDbCaseStopStore } from './dynamodb-case-stores';
import { dynamoDbTourStores } from './dynamodb-tour-stores';
import { explainCancellation, toTransactItem } from './dynamodb-transaction';
import { dynamoDbAirRaidStore, dynamoDbDangerZoneStore } from './dynamodb-wartime-stores';
import {
  alertsByDay,
  auditKey,
  auditPk,
  entityKey,
  entityLayouts,
  hromadaPk,
  hromadyByName,
  idempotencyKey,
  importJobKey,
  inboundKey,
  inboundLog,
  openFollowUps,
  peopleByPhone,
  requestsByDay,
  residentDayKey,
  tripsByResident,
  withoutKeys,
} from './keys';
import { lostOnReportDay, parseReportDay, REPORT_DAY_ATTEMPTS, reportDayKey } from './report-day-items';
import { TableReads } from './table-reads';
import { indexPkEquals, TABLE_SCHEMA } from './table-schema';

/** Every store of the single table, built on its reads (table-reads.ts), and the one `commit`. */
export class DynamoDbEntityRepository extends TableReads implements EntityRepository {
  constructor(
    doc: DynamoDBDocumentClient,
    tableName: string,
    /** Seals the cursors it hands out; the default's cursors die with the process. */
    cursors: CursorSealer = CursorSealer.ephemeral(),
  ) {
    super(doc, tableName, cursors);
  }

  readonly hromady: HromadaStore = {
    get: (id) => this.getEntity('Hromada', id, id),
    list: (page) =>
      this.queryIndex(hromadyByName.index, hromadyByName.pk, page, (i) => parseStored('Hromada', i)),
  };

  readonly registry: RegistryStore = {
    get: async (kind, hromadaId, id) => {
      const found = await this.getItem(entityKey(kind.entity, hromadaId, id));
      return found && parseRegistryItem(kind, found);
    },
    list: (kind, hromadaId, page) =>
      this.query(
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': hromadaPk(hromadaId),
            ':prefix': entityLayouts[kind.entity].skPrefix,
          },
        },
        page,
        (i) => parseRegistryItem(kind, i),
      ),
  };

  readonly people: PeopleStore = {
    byPhone: async (hromadaId, e164) => {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: peopleByPhone.index,
          KeyConditionExpression: indexPkEquals(peopleByPhone.index),
          ExpressionAttributeValues: { ':pk': peopleByPhone.pk(hromadaId, e164) },
          Limit: 50,
        }),
      );
      return (out.Items ?? []).map((i): PhoneMatch => {
        const item = withoutKeys(i);
        return i.entity === 'Driver'
          ? { entity: 'Driver', item: parseStored('Driver', item) }
          : { entity: 'Resident', item: parseStored('Resident', item) };
      });
    },
  };

  readonly requests: RequestStore = {
    get: (hromadaId, id) => this.getEntity('ServiceRequest', hromadaId, id),
    forDay: async (hromadaId, date) => {
      const items: EntityOf<'ServiceRequest'>[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.queryIndex(
          requestsByDay.index,
          requestsByDay.pk(hromadaId, date),
          { limit: 200, cursor },
          (i) => parseStored('ServiceRequest', i),
        );
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return items;
    },
    byResident: (hromadaId, residentId, page) =>
      this.queryIndex(
        tripsByResident.index,
        tripsByResident.pk(hromadaId, residentId),
        page,
        (i) => parseStored('ServiceRequest', i),
        { newestFirst: true },
      ),
    byResidentBetween: async (hromadaId, residentId, from, to) => {
      const items: EntityOf<'ServiceRequest'>[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.query(
          {
            IndexName: tripsByResident.index,
            KeyConditionExpression: `${indexPkEquals(tripsByResident.index)} AND #sk BETWEEN :from AND :to`,
            ExpressionAttributeNames: { '#sk': TABLE_SCHEMA.indexes[tripsByResident.index].sortKey },
            ExpressionAttributeValues: {
              ':pk': tripsByResident.pk(hromadaId, residentId),
              ...tripsByResident.dates(from, to),
            },
          },
          { limit: 200, cursor },
          (i) => parseStored('ServiceRequest', i),
        );
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return items;
    },
  };

  readonly plans: PlanStore = {
    forDay: (hromadaId, date) => this.getEntity('Plan', hromadaId, date),
  };

  /*
   * Records (audit entries, received SMS) and guards are written only by this code, from their
   * types, and come back as written: not re-validated, so a log never fails to list.
   */
  readonly audit: AuditLog = {
    list: (hromadaId, page) =>
      this.query<AuditEntry>(
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditPk(hromadaId) },
          ScanIndexForward: false,
        },
        page,
        (i) => i as AuditEntry,
      ),
    append: async (entry) => {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...entry, ...auditKey(entry.hromadaId, entry.at, entry.id), entity: 'AuditEntry' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
  };

  readonly inbound: InboundLog = {
    get: async (id) => {
      const found = await this.getItem(inboundKey(id));
      return found as InboundSms | undefined;
    },
    list: (hromadaId, page) =>
      this.queryIndex<InboundSms>(inboundLog.index, inboundLog.pk(hromadaId), page, (i) => i as InboundSms, {
        newestFirst: true,
      }),
  };

  readonly idempotency: IdempotencyStore = {
    get: async (hromadaId, caller, key) =>
      (await this.getItem(idempotencyKey(hromadaId, caller, key))) as IdempotencyRecord | undefined,
  };

  readonly residentDays: ResidentDayStore = {
    get: async (hromadaId, residentId, date) =>
      (await this.getItem(residentDayKey(hromadaId, residentId, date))) as ResidentDay | undefined,
  };

  readonly followUps: FollowUpStore = {
    get: (hromadaId, id) => this.getEntity('FollowUp', hromadaId, id),
    list: (hromadaId, filter, page) =>
      filter.open
        ? this.queryIndex(openFollowUps.index, openFollowUps.pk(hromadaId), page, (i) =>
            parseStored('FollowUp', i),
          )
        : this.query(
            {
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
              ExpressionAttributeValues: {
                ':pk': hromadaPk(hromadaId),
                ':prefix': entityLayouts.FollowUp.skPrefix,
              },
            },
            page,
            (i) => parseStored('FollowUp', i),
          ),
  };

  readonly alerts: AlertStore = {
    get: (hromadaId, id) => this.getEntity('Alert', hromadaId, id),
    forDay: (hromadaId, date, handled, page) => {
      const { index, pk } =
        handled === undefined
          ? { index: alertsByDay.all.index, pk: alertsByDay.all.pk(hromadaId, date) }
          : { index: alertsByDay.byState.index, pk: alertsByDay.byState.pk(hromadaId, date, handled) };
      return this.queryIndex(index, pk, page, (i) => parseStored('Alert', i), { newestFirst: true });
    },
  };

  readonly airRaids: AirRaidStore = dynamoDbAirRaidStore(this);

  readonly standingOrders: StandingOrderStore = {
    get: (hromadaId, id) => this.getEntity('StandingOrder', hromadaId, id),
    list: (hromadaId, page) =>
      this.query(
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': hromadaPk(hromadaId),
            ':prefix': entityLayouts.StandingOrder.skPrefix,
          },
        },
        page,
        (i) => parseStored('StandingOrder', i),
      ),
  };

  readonly dangerZones: DangerZoneStore = dynamoDbDangerZoneStore(this);
  readonly caseStops: CaseStopStore = dynamoDbCaseStopStore(this);
  readonly caseBookings: CaseBookingStore = dynamoDbCaseBookingStore(this);

  readonly importJobs: ImportJobStore = {
    get: async (hromadaId, jobId) => {
      const found = await this.getItem(importJobKey(hromadaId, jobId));
      return found && importJobSchema.parse(found);
    },
  };
  #tours: TourStores | undefined;
  /** Regional tours' reads (RT), built on first use. */
  get tours(): TourStores {
    this.#tours ??= dynamoDbTourStores(this);
    return this.#tours;
  }

  readonly reportDays: ReportDayStore = {
    between: (hromadaId, from, to) =>
      this.queryAll(
        {
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': hromadaPk(hromadaId),
            ':from': reportDayKey(hromadaId, from).sk,
            ':to': reportDayKey(hromadaId, to).sk,
          },
        },
        parseReportDay,
      ),
  };

  async commit(given: Change[]): Promise<void> {
    // a key to forget that answerOnce did not fill in: the call had none (entity-repository.ts)
    const changes = withReportDays(given).filter((c) => c.op !== 'idempotency-forget' || c.record);
    if (changes.length === 0) return;
    if (changes.length > 100) throw new RangeError('a transaction holds at most 100 items');
    const TransactItems = changes.map((c) => toTransactItem(this.tableName, c));
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems }));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // a day's counters are one busy item: another transaction holding it is no conflict of
        // the caller's, so the whole (cancelled, unwritten) change set is sent again
        if (attempt < REPORT_DAY_ATTEMPTS && lostOnReportDay(error, changes)) {
          await new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));
          continue;
        }
        throw explainCancellation(error, changes);
      }
    }
  }
}
