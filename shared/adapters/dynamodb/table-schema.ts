/**
 * The one definition of the single table: its keys, its two overloaded indexes, TTL and stream.
 * CDK (infra/stacks/stateful-stack.ts) and DynamoDB Local (table.ts) both build the table from it,
 * and the repositories name each index by the access pattern they use it for (INDEX below).
 * Pure data: no SDK import, so the CDK app can import it too.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
  ttlAttribute: 'expiresAt',
  streamView: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = keyof typeof TABLE_SCHEMA.indexes;

/**
 * Which index serves which access pattern (numbers as in docs/data-model.md). The indexes are
 * overloaded: each item type writes its own prefixes into their keys (entities/<entity>.ts).
 */
export const INDEX = {
  /** 3: hromady by name */
  hromadyByName: 'gsi1',
  /** 4: residents and drivers by phone */
  peopleByPhone: 'gsi1',
  /** 6: a resident's trips by date */
  tripsByResident: 'gsi1',
  /** 7: a hromada's message log */
  messageLog: 'gsi1',
  /** 16: a hromada's replies received */
  inboundLog: 'gsi1',
  /** A1: a day's alerts, open or handled, newest first */
  alertsByState: 'gsi1',
  /** A1: a day's alerts, all of them, newest first */
  alertsByDay: 'gsi2',
  /** 5: a day's requests */
  requestsByDay: 'gsi2',
  /** 25: open outbox messages by due time (sparse) */
  openMessages: 'gsi2',
  /** D2: a hromada's open follow-up tasks, oldest first (sparse) */
  openFollowUps: 'gsi2',
  /** RT2: a provider's agreements */
  agreementsByProvider: 'gsi1',
  /** RT4: a hromada's tour visits by date */
  tourVisitsByHromada: 'gsi1',
  /** RT5: a provider's tour visits by date, across hromady */
  tourVisitsByProvider: 'gsi2',
  /** RT7: a provider's tours by first date */
  toursByProvider: 'gsi1',
} as const satisfies Record<string, IndexName>;

/** `<index>pk = :pk` for a Query on `index`. */
export const indexPkEquals = (index: IndexName) => `${TABLE_SCHEMA.indexes[index].partitionKey} = :pk`;
