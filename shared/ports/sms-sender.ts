export interface SmsToSend {
  /** E.164 */
  to: string;
  text: string;
  senderId?: string;
  /** Our id of the message (the outbox id), for logs and the local sink; never sent to the phone. */
  reference?: string;
}

export type SmsSendResult =
  | { ok: true; providerMessageId: string }
  /** `retryable` = throttling or a transient fault: try again later. Otherwise it failed for good. */
  | { ok: false; retryable: boolean; error: string };

export interface SmsSender {
  send(message: SmsToSend): Promise<SmsSendResult>;
}
