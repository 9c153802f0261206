/**
 * npm run phone -- +380671234567 [1 9 …] [--url http://127.0.0.1:3000] [--line +380931112233]
 * npm run phone -- withheld          (a caller whose number is not shown)
 * npm run phone -- --prompts         (the recordings a hromada makes: file name and text)
 *
 * A terminal telephone for the phone line (IVR), against a running `npm start`: each step goes
 * through the local platform's `POST /_local/ivr` to the same ivr handler Amazon Connect invokes,
 * with the same event. It prints what each prompt says and takes keys from the arguments first,
 * then from the keyboard (one key and Enter; Enter alone is silence). Ctrl-D hangs up.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ivrPrompts } from '../shared/messaging/ivr-prompts';
import { type PhoneStep, playCall } from './lib/terminal-phone';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    line: { type: 'string', default: '+380931112233' },
    prompts: { type: 'boolean', default: false },
  },
});

if (values.prompts) {
  for (const [id, said] of Object.entries(ivrPrompts)) console.log(`${id}.wav\t${said}`);
  process.exit(0);
}

const [caller, ...keys] = positionals;
if (!caller) {
  console.error('usage: npm run phone -- +380671234567 [keys…]   (or "withheld")');
  process.exit(2);
}

const lines = keys.length > 0 && !process.stdin.isTTY ? undefined : createInterface({ input: process.stdin });
const typed = lines?.[Symbol.asyncIterator]();

async function step(body: PhoneStep): Promise<Record<string, string>> {
  const res = await fetch(`${values.url}/_local/ivr`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`/_local/ivr: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

try {
  await playCall(
    {
      step,
      key: async () => {
        if (keys.length > 0) return keys.shift();
        if (!typed) return undefined;
        if (process.stdin.isTTY) process.stdout.write('> ');
        const next = await typed.next();
        return next.done ? undefined : next.value.trim().slice(0, 1);
      },
      print: (line) => console.log(line),
    },
    {
      contactId: `local-${randomUUID()}`,
      ...(caller === 'withheld' ? {} : { caller }),
      dialled: values.line,
    },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error, '\n(is `npm start` running?)');
  process.exitCode = 1;
} finally {
  lines?.close();
}
