/**
 * A send-sms process that claims one outbox message on DynamoDB Local and then hangs inside the
 * provider call, so that its parent can SIGKILL it between the claim and the outcome.
 *   node --import tsx sender-that-dies.ts <endpoint> <table> <messageId> <version>
 */
import { sendOutboxMessage } from '../../../shared/app/send-outbox-message';
import { senderPortsOn } from './sender-ports';

const [endpoint, table, id, version] = process.argv.slice(2);
await sendOutboxMessage(
  senderPortsOn(endpoint!, table!, {
    send: () => {
      process.stdout.write('in-provider-call\n');
      return new Promise(() => setInterval(() => undefined, 1000));
    },
  }),
  id!,
  Number(version),
);
