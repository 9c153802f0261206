import { describe, expect, it } from 'vitest';
import { ALERTS_IN_UA_OBLASTS } from '../../../shared/adapters/air-raid/alerts-in-ua-locations';
import { UKRAINEALARM_OBLASTS } from '../../../shared/adapters/air-raid/ukrainealarm-regions';

describe("ukrainealarm.com's oblast ids", () => {
  it('are the ids its published answers show: alerts.in.ua’s but Crimea 9999 and no Севастополь', () => {
    // read off the sources named in ukrainealarm-regions.ts
    expect(UKRAINEALARM_OBLASTS).toMatchObject({
      '9999': 'UA01000000000013043', // Автономна Республіка Крим
      '4': 'UA05000000000010236', // Вінницька
      '8': 'UA07000000000024379', // Волинська
      '13': 'UA26000000000069363', // Івано-Франківська
      '15': 'UA35000000000016081', // Кіровоградська
      '19': 'UA53000000000028050', // Полтавська
      '31': 'UA80000000000093317', // м. Київ
    });
    expect(UKRAINEALARM_OBLASTS['29']).toBeUndefined();
    expect(UKRAINEALARM_OBLASTS['30']).toBeUndefined();
    expect(Object.keys(UKRAINEALARM_OBLASTS)).toHaveLength(26);
    // one code per oblast, each an oblast of the codifier alerts.in.ua's table names
    const codes = Object.values(UKRAINEALARM_OBLASTS);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(Object.values(ALERTS_IN_UA_OBLASTS)).toContain(code);
  });
});
