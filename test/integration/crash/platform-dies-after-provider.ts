/**
 * A local platform that dies in the duplicate window: its carrier is running (checkpoint saved),
 * its sender claims one outbox message on DynamoDB Local, the SMS sink (the provider) takes the
 * SMS, and the process hangs before it records `sent`, so that its parent can SIGKILL it there.
 *   node --import tsx platform-dies-after-provider.ts <endpoint> <table> <messageId> <version> <sink> <checkpoint>
 */

import { LocalReceipts, localReceiptPolicySchema } from '../../../infra/local/sms-receipts';
import { FileSmsSender } from '../../../shared/adapters/sms-sink/file-sms-sender';
import { sendOutboxMessage } from '../../../shared/app/send-outbox-message';
import type { SmsToSend } from '../../../shared/ports/sms-sender';
import { senderPortsOn } from './sender-ports';

const [endpoint, table, id, version, sinkFile, checkpointFile] = process.argv.slice(2);
// the carrier was running; the kill comes before its next read of the sink
const carrier = new LocalReceipts(
  sinkFile!,
  async () => undefined,
  localReceiptPolicySchema.parse({}),
  0.05,
  checkpointFile,
);
await carrier.start(3_600_000);
const sink = new FileSmsSender(sinkFile!);
await sendOutboxMessage(
  senderPortsOn(endpoint!, table!, {
    receiptsByReference: sink.receiptsByReference,
    send: async (message: SmsToSend) => {
      await sink.send(message);
      process.stdout.write('provider-accepted\n');
      return new Promise(() => setInterval(() => undefined, 1000));
    },
  }),
  id!,
  Number(version),
);
