import { parseStored } from '../../domain/stored-entities';
import type { AirRaidStore, DangerZoneStore, PageRequest } from '../../ports/stores';
import { entityLayouts, hromadaPk } from './keys';
import type { TableReads } from './table-reads';

/** AR1: `AIRRAID#` items of the hromada's partition, newest first. */
function airRaidPage(
  reads: TableReads,
  hromadaId: string,
  page: PageRequest | undefined,
  consistent: boolean,
) {
  return reads.query(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': hromadaPk(hromadaId),
        ':prefix': entityLayouts.AirRaidAlert.skPrefix,
      },
      ScanIndexForward: false,
      ...(consistent ? { ConsistentRead: true } : {}),
    },
    page,
    (i) => parseStored('AirRaidAlert', i),
  );
}

/** Air-raid alerts (AR1, AR2) on the single table. */
export function dynamoDbAirRaidStore(reads: TableReads): AirRaidStore {
  return {
    get: (hromadaId, id) => reads.getEntity('AirRaidAlert', hromadaId, id),
    list: (hromadaId, page) => airRaidPage(reads, hromadaId, page, false),
    active: async (hromadaId) => {
      const [newest] = (await airRaidPage(reads, hromadaId, { limit: 1 }, true)).items;
      return newest && newest.endedAt === undefined ? newest : undefined;
    },
    newest: async (hromadaId) => (await airRaidPage(reads, hromadaId, { limit: 1 }, true)).items[0],
  };
}

/** Danger zones and closed roads (ZN1, ZN2) on the single table. */
export function dynamoDbDangerZoneStore(reads: TableReads): DangerZoneStore {
  return {
    get: (hromadaId, id) => reads.getEntity('DangerZone', hromadaId, id),
    all: (hromadaId) =>
      reads.queryAll(
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': hromadaPk(hromadaId),
            ':prefix': entityLayouts.DangerZone.skPrefix,
          },
        },
        (i) => parseStored('DangerZone', i),
      ),
  };
}
