import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CaseBookingChange } from '../case-booking-conflict';
import { caseBookingKey, caseSlotKey } from './keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The items of a mobile-case booking (patterns MC3): the slot's item, put only if the slot is
 * free (`attribute_not_exists`) and deleted only while it is the same resident's; the resident's
 * item at the stop, new or at the version read.
 */
export function caseBookingTransactItem(TableName: string, change: CaseBookingChange): TransactItem {
  const b = change.booking;
  const slotKey = caseSlotKey(b.hromadaId, b.stopId, b.slot);
  if (change.op === 'case-slot-take') {
    return {
      Put: {
        TableName,
        Item: { ...b, ...slotKey, entity: 'CaseSlot' },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
  if (change.op === 'case-slot-free') {
    return {
      Delete: {
        TableName,
        Key: slotKey,
        ConditionExpression: 'residentId = :r',
        ExpressionAttributeValues: { ':r': b.residentId },
      },
    };
  }
  const Key = caseBookingKey(b.hromadaId, b.stopId, b.residentId);
  const atVersion =
    change.expectedVersion === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': change.expectedVersion },
        };
  if (change.remove) return { Delete: { TableName, Key, ...atVersion } };
  return { Put: { TableName, Item: { ...b, ...Key, entity: 'CaseBooking' }, ...atVersion } };
}

export { explainCaseBooking } from '../case-booking-conflict';
