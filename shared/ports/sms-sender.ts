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
  /**
   * The provider reports every SMS it accepted back to us by our reference (the outbox id), in a
   * receipt that reaches `recordSmsReceipt` even after we crashed: End User Messaging (its
   * `Context` and the configuration set's durable event destination) and the local sink (its
   * checkpointed carrier) do; SNS does not (its delivery logs carry no reference). When true, a
   * claim is held a receipt grace past its lease before the sweeper sends it again, so a sender
   * killed after the provider accepted the SMS does not cause a second one. Absent: false.
   */
  readonly receiptsByReference?: boolean;
}
