import { z } from 'zod';

const endpoint = z.object({ Address: z.string().optional(), Type: z.string().optional() }).nullish();

/**
 * What an Amazon Connect contact flow's "Invoke AWS Lambda function" block sends: the contact
 * (its id, the caller's number — absent when withheld — and the number dialled) and the block's
 * parameters, all strings. The flow in infra/connect/contact-flow.json passes the previous
 * answer's `state` and `tries` and the key pressed as `digits`.
 */
export const connectContactFlowEventSchema = z
  .object({
    Name: z.literal('ContactFlowEvent'),
    Details: z.object({
      ContactData: z.object({
        ContactId: z.string().min(1),
        Channel: z.string().optional(),
        CustomerEndpoint: endpoint,
        SystemEndpoint: endpoint,
      }),
      Parameters: z.record(z.string(), z.string()).default({}),
    }),
  })
  .transform(({ Details: { ContactData: contact, Parameters: p } }) => ({
    contactId: contact.ContactId,
    ...(contact.CustomerEndpoint?.Address ? { caller: contact.CustomerEndpoint.Address } : {}),
    ...(contact.SystemEndpoint?.Address ? { dialled: contact.SystemEndpoint.Address } : {}),
    ...(p.state ? { state: p.state } : {}),
    ...(p.digits !== undefined ? { digits: p.digits } : {}),
    ...(p.tries && /^\d{1,2}$/.test(p.tries) ? { tries: Number(p.tries) } : {}),
  }));

export type ConnectContactFlowEvent = z.input<typeof connectContactFlowEventSchema>;

/** Connect's limit on what a flow's Lambda returns: a flat map of strings, under 32 KB. */
export const CONNECT_RESPONSE_MAX_BYTES = 32 * 1024;
