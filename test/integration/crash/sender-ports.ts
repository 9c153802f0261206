import { createDocumentClient, createDynamoDbClient } from '../../../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../../../shared/adapters/dynamodb/dynamodb-entity-repository';
import { DynamoDbOutboxRepository } from '../../../shared/adapters/dynamodb/dynamodb-outbox-repository';
import { SystemClock } from '../../../shared/adapters/system/system-clock';
import { UlidIds } from '../../../shared/adapters/system/ulid-ids';
import type { Ports } from '../../../shared/ports/ports';

/** The ports a dying sender process sends one outbox message with: DynamoDB Local and the SMS given. */
export function senderPortsOn(
  endpoint: string,
  table: string,
  sms: Ports['sms'],
): Pick<Ports, 'entities' | 'outbox' | 'clock' | 'ids' | 'sms'> {
  const doc = createDocumentClient(createDynamoDbClient({ region: 'eu-central-1', endpoint }));
  return {
    entities: new DynamoDbEntityRepository(doc, table),
    outbox: new DynamoDbOutboxRepository(doc, table),
    clock: new SystemClock(),
    ids: new UlidIds(),
    sms,
  };
}
