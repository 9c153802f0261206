export interface SmsToSend {
  /** E.164 */
  to: string;
  text: string;
  senderId?: string;
}

export type SmsSendResult =
  | { ok: true; providerMessageId: string }
  /** `retryable` = throttling or a transient fault: try again later. Otherwise it failed for good. */
  | { ok: false; retryable: boolean; error: string };

export interface SmsSender {
  send(message: SmsToSend): Promise<SmsSendResult>;
}
