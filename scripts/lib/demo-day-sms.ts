/**
 * The replay's SMS: one the carrier could not deliver (a receipt `UNREACHABLE` for the newest
 * message not yet given a final receipt, through `POST /_local/sms-receipt`), and waiting for the
 * local carrier's receipts before the day is counted.
 */
import type { Api, Json } from './demo-day-api';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const final = (m: Json) => {
  const status = (m.delivery as { status?: string } | undefined)?.status;
  return status === 'delivered' || status === 'failed';
};

/**
 * Report the newest message without a final receipt as UNREACHABLE. The local carrier delivers at
 * once, so this races it: true when the failure was recorded (a final receipt is never overwritten).
 */
export async function failNewestSms(
  api: Api,
  hromadaId: string,
  say: (line: string) => void,
): Promise<boolean> {
  const page = await api.get(`/hromady/${hromadaId}/messages?limit=20`);
  const open = ((page.items as Json[] | undefined) ?? []).find((m) => !final(m));
  if (!open) {
    say('carrier: every recent SMS already has its receipt; no failure to report yet');
    return false;
  }
  await api.post('/_local/sms-receipt', { outboxId: open.id, status: 'UNREACHABLE' });
  const after = await api.call('GET', `/hromady/${hromadaId}/messages?limit=50`);
  const message = ((after.body.items as Json[] | undefined) ?? []).find((m) => m.id === open.id);
  const failed = (message?.delivery as { status?: string } | undefined)?.status === 'failed';
  say(
    failed
      ? `carrier: SMS ${open.id} (${open.kind}) to ${open.to} UNREACHABLE`
      : `carrier: SMS ${open.id} was delivered before the failure could be reported`,
  );
  return failed;
}

/** Wait (a few seconds at most) until the replay's SMS are sent and their receipts are in. */
export async function settleReceipts(
  api: Api,
  hromadaId: string,
  since: string,
  maxMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const messages = (await api.all(`/hromady/${hromadaId}/messages`)).filter(
      (m) => String(m.createdAt) >= since,
    );
    // waiting: not yet sent, or sent without the carrier's final word (held or suppressed: never sent)
    const waiting = (m: Json) =>
      m.status === 'pending' || m.status === 'sending' || (m.status === 'sent' && !final(m));
    if (!messages.some((m) => waiting(m) && !m.heldUntil)) return;
    await sleep(250);
  }
}
