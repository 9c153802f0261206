import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/entities/audit-entry';
import type { CaseBooking } from '../../domain/entities/case-stop';
import type { IdempotencyRecord } from '../../domain/entities/idempotency-record';
import { importJobSchema } from '../../domain/entities/import-job';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { ResidentDay } from '../../domain/entities/resident-day';
import type { EntityName } from '../../domain/registry';
import type { ReportDay } from '../../domain/report-day';
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
  Page,
  PageRequest,
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
import { CursorSealer, listingScope, pageLimit } from './cursor';
import { dynamoDbTourStores } from './dynamodb-tour-stores';
import { explainCancellation, toTransactItem } from './dynamodb-transaction';
import {
  alertsByDay,
  auditKey,
  auditPk,
  type BaseKey,
  caseBookingKey,
  caseStopBookings,
  caseStopsByDate,
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
import { type IndexName, indexPkEquals, TABLE_SCHEMA } from './table-schema';

type Item = Record<string, unknown>;

export class DynamoDbEntityRepository implements EntityRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Seals the cursors it hands out; the default's cursors die with the process. */
    private readonly cursors: CursorSealer = CursorSealer.ephemeral(),
  ) {}

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

  readonly airRaids: AirRaidStore = {
    get: (hromadaId, id) => this.getEntity('AirRaidAlert', hromadaId, id),
    list: (hromadaId, page) => this.airRaidPage(hromadaId, page, false),
    active: async (hromadaId) => {
      const [newest] = (await this.airRaidPage(hromadaId, { limit: 1 }, true)).items;
      return newest && newest.endedAt === undefined ? newest : undefined;
    },
  };

  /** AR1: `AIRRAID#` items of the hromada's partition, newest first. */
  private airRaidPage(hromadaId: string, page: PageRequest | undefined, consistent: boolean) {
    return this.query(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': hromadaPk(hromadaId),
          ':prefix': entityLayouts.AirRaidAlert.skPrefix,
        },
        ScanIndexForward: false,
        ...(consistent ? { ConsistentRead: true } : {}),
      },
      page,
      (i) => parseStored('AirRaidAlert', i),
    );
  }

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

  readonly dangerZones: DangerZoneStore = {
    get: (hromadaId, id) => this.getEntity('DangerZone', hromadaId, id),
    all: async (hromadaId) => {
      const items: EntityOf<'DangerZone'>[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.query(
          {
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: {
              ':pk': hromadaPk(hromadaId),
              ':prefix': entityLayouts.DangerZone.skPrefix,
            },
          },
          { limit: 100, cursor },
          (i) => parseStored('DangerZone', i),
        );
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return items;
    },
  };

  readonly caseStops: CaseStopStore = {
    get: (hromadaId, id) => this.getEntity('CaseStop', hromadaId, id),
    between: async (hromadaId, from, to) => {
      const names = TABLE_SCHEMA.indexes[caseStopsByDate.index];
      const items: EntityOf<'CaseStop'>[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.query(
          {
            IndexName: caseStopsByDate.index,
            KeyConditionExpression: `${names.partitionKey} = :pk AND ${names.sortKey} BETWEEN :from AND :to`,
            ExpressionAttributeValues: {
              ':pk': caseStopsByDate.pk(hromadaId),
              ':from': from,
              ':to': `${to}#~`,
            },
          },
          { limit: 200, cursor },
          (i) => parseStored('CaseStop', i),
        );
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return items;
    },
  };

  readonly caseBookings: CaseBookingStore = {
    forStop: async (hromadaId, stopId) => {
      const items: CaseBooking[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.query(
          {
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': caseStopBookings(hromadaId, stopId), ':prefix': 'RESIDENT#' },
            ConsistentRead: true,
          },
          { limit: 200, cursor },
          (i) => i as unknown as CaseBooking,
        );
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return items.sort((a, b) => a.slot - b.slot);
    },
    get: async (hromadaId, stopId, residentId) =>
      (await this.getItem(caseBookingKey(hromadaId, stopId, residentId))) as CaseBooking | undefined,
  };

  readonly importJobs: ImportJobStore = {
    get: async (hromadaId, jobId) => {
      const found = await this.getItem(importJobKey(hromadaId, jobId));
      return found && importJobSchema.parse(found);
    },
  };
  #tours: TourStores | undefined;
  /** Regional tours' reads (RT), built on first use. */
  get tours(): TourStores {
    this.#tours ??= dynamoDbTourStores(this.doc, this.tableName);
    return this.#tours;
  }

  readonly reportDays: ReportDayStore = {
    between: async (hromadaId, from, to) => {
      const days: ReportDay[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.query(
          {
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': hromadaPk(hromadaId),
              ':from': reportDayKey(hromadaId, from).sk,
              ':to': reportDayKey(hromadaId, to).sk,
            },
          },
          { limit: 200, cursor },
          parseReportDay,
        );
        days.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return days;
    },
  };

  async commit(given: Change[]): Promise<void> {
    const changes = withReportDays(given);
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

  /** GetItem (consistent read), without its storage attributes. */
  private async getItem(key: BaseKey): Promise<Item | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return out.Item ? withoutKeys(out.Item) : undefined;
  }

  private async getEntity<E extends EntityName>(
    entity: E,
    hromadaId: string,
    id: string,
  ): Promise<EntityOf<E> | undefined> {
    const found = await this.getItem(entityKey(entity, hromadaId, id));
    return found && parseStored(entity, found);
  }

  private queryIndex<T>(
    index: IndexName,
    pk: string,
    page: PageRequest | undefined,
    parse: (item: Item) => T,
    order?: { newestFirst: boolean },
  ): Promise<Page<T>> {
    return this.query(
      {
        IndexName: index,
        KeyConditionExpression: indexPkEquals(index),
        ExpressionAttributeValues: { ':pk': pk },
        ...(order?.newestFirst ? { ScanIndexForward: false } : {}),
      },
      page,
      parse,
    );
  }

  private async query<T>(
    input: Omit<QueryCommandInput, 'TableName'>,
    page: PageRequest | undefined,
    parse: (item: Item) => T,
  ): Promise<Page<T>> {
    const scope = listingScope(input);
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        ...input,
        Limit: pageLimit(page?.limit),
        ExclusiveStartKey: await this.cursors.open(page?.cursor, scope),
      }),
    );
    const next = await this.cursors.seal(out.LastEvaluatedKey, scope);
    return { items: (out.Items ?? []).map((i) => parse(withoutKeys(i))), ...(next ? { next } : {}) };
  }
}
