/**
 * A send-sms process that claims one outbox message on DynamoDB Local and then hangs inside the
 * provider call, so that its parent can SIGKILL it between the claim and the outcome.
 *   node --import tsx sender-that-dies.ts <endpoint> <table> <messageId> <version>
 */
import { createDocumentClient, createDynamoDbClient } from '../../../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../../../shared/adapters/dynamodb/dynamodb-entity-repository';
import { DynamoDbOutboxRepository } from '../../../shared/adapters/dynamodb/dynamodb-outbox-repository';
import { SystemClock } from '../../../shared/adapters/system/system-clock';
import { UlidIds } from '../../../shared/adapters/system/ulid-ids';
import { sendOutboxMessage } from '../../../shared/app/send-outbox-message';

const [endpoint, table, id, version] = process.argv.slice(2);
const doc = createDocumentClient(createDynamoDbClient({ region: 'eu-central-1', endpoint: endpoint! }));
await sendOutboxMessage(
  {
    entities: new DynamoDbEntityRepository(doc, table!),
    outbox: new DynamoDbOutboxRepository(doc, table!),
    clock: new SystemClock(),
    ids: new UlidIds(),
    sms: {
      send: () => {
        process.stdout.write('in-provider-call\n');
        return new Promise(() => setInterval(() => undefined, 1000));
      },
    },
  },
  id!,
  Number(version),
);
