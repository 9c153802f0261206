import { describe, expect, it } from 'vitest';
import { MemoryReportDays } from '../../../../shared/adapters/memory/memory-report-days';
import { withReportDays } from '../../../../shared/adapters/report-day-changes';
import { strategyReport } from '../../../../shared/app/reports/strategy-report';
import type { ServiceRequest } from '../../../../shared/domain/entities/service-request';
import { counted, reportDayFromRequests } from '../../../../shared/domain/report-day';
import { request } from '../../../support/report-fixtures';

/**
 * The strategy's two indicators from requests as they are booked and settled, hand-counted, read
 * both ways the reports read a day: from the counters every commit keeps (RP1), and from the
 * requests (a day without counters).
 *
 * Settlements: the centre (no district); А: a1, a2 (remote); Б: b1 (remote); В: c1; Г: d1 (remote,
 * nobody registered). Residents: r1, r2 in a2; r3, r5 in b1; r4 in a1.
 *
 * Districts served by the social taxi (a done ride picking up there): А (a1) and Б (r3's ride names
 * no settlement: the resident's, b1); not В (a no-show and a cancellation), not the centre; 2 of 4.
 * Remote residents: r1, r2, r3, r5 = 4; supplied (a done delivery): r1 only (twice), not r2
 * (cancelled), not r4 (not remote), not r3 (outside the period), not r5 (a brigade visit); 1 of 4.
 */
const H = 'khm';
const D1 = '2026-11-24';
const D2 = '2026-11-25';
const settlements = [
  { id: 'centre', starostaDistrict: null, remote: false },
  { id: 'a1', starostaDistrict: 'А', remote: false },
  { id: 'a2', starostaDistrict: 'А', remote: true },
  { id: 'b1', starostaDistrict: 'Б', remote: true },
  { id: 'c1', starostaDistrict: 'В', remote: false },
  { id: 'd1', starostaDistrict: 'Г', remote: true },
];
const residents = [
  { id: 'r1', settlementId: 'a2' },
  { id: 'r2', settlementId: 'a2' },
  { id: 'r3', settlementId: 'b1' },
  { id: 'r4', settlementId: 'a1' },
  { id: 'r5', settlementId: 'b1' },
];
const residentSettlement = new Map(residents.map((r) => [r.id, r.settlementId]));

type Final = ServiceRequest['status'];
const trip = (
  id: string,
  status: Final,
  fields: {
    serviceType?: ServiceRequest['serviceType'];
    settlementId?: string | null;
    residentId: string;
    date?: string;
  },
) => ({ booked: request(id, { status: 'requested', hromadaId: H, date: D1, ...fields }), status });

const week = [
  trip('taxi-a1', 'done', { settlementId: 'a1', residentId: 'r4' }),
  trip('taxi-centre', 'done', { settlementId: 'centre', residentId: 'r4', date: D2 }),
  trip('taxi-c1-noshow', 'no-show', { settlementId: 'c1', residentId: 'r4' }),
  trip('taxi-c1-cancel', 'cancelled', { settlementId: 'c1', residentId: 'r4', date: D2 }),
  trip('taxi-r3-home', 'done', { settlementId: null, residentId: 'r3' }),
  trip('del-r1', 'done', { serviceType: 'delivery', settlementId: 'a2', residentId: 'r1' }),
  trip('del-r1-again', 'done', { serviceType: 'delivery', settlementId: 'a2', residentId: 'r1', date: D2 }),
  trip('del-r2-cancel', 'cancelled', { serviceType: 'delivery', settlementId: 'a2', residentId: 'r2' }),
  trip('del-r4', 'done', { serviceType: 'delivery', settlementId: 'a1', residentId: 'r4' }),
  trip('del-r3-later', 'done', {
    serviceType: 'delivery',
    settlementId: 'b1',
    residentId: 'r3',
    date: '2026-11-26',
  }),
  trip('brigade-r5', 'done', { serviceType: 'mobile-brigade', settlementId: 'b1', residentId: 'r5' }),
];

/** Booked (counted as the booking does), then settled: each write's counters as a commit keeps them. */
function keptCounters() {
  const store = new MemoryReportDays();
  const settled: ServiceRequest[] = [];
  for (const { booked, status } of week) {
    const created = counted(booked, residentSettlement.get(booked.residentId));
    const final = { ...created, status, version: created.version + 1 };
    const writes = [
      ...withReportDays([{ op: 'create', entity: 'ServiceRequest', item: created }]),
      ...withReportDays([
        { op: 'update', entity: 'ServiceRequest', item: final, expectedVersion: created.version },
      ]),
    ];
    for (const c of writes) if (c.op === 'report-day') store.apply(c.delta);
    settled.push(final);
  }
  return { store, settled };
}

const input = { hromadaId: H, period: { from: D1, to: D2 } };
const HAND_COUNTED = {
  starostaDistricts: 4,
  districtsServedByTaxi: 2,
  districtsServedShare: 0.5,
  remoteResidents: 4,
  remoteResidentsSupplied: 1,
  remoteSuppliedShare: 0.25,
};

describe('strategy indicators against a hand-counted week', () => {
  it('from the counters kept with each write', async () => {
    const { store } = keptCounters();
    const days = await store.between(H, D1, D2);
    expect(strategyReport(input, days, settlements, residents)).toMatchObject(HAND_COUNTED);
  });

  it('from the requests, for days without counters', () => {
    const { settled } = keptCounters();
    const days = [D1, D2].map((date) =>
      reportDayFromRequests(
        H,
        date,
        settled.filter((r) => r.date === date),
        { lateCancelHours: 2, residentSettlement },
      ),
    );
    expect(strategyReport(input, days, settlements, residents)).toMatchObject(HAND_COUNTED);
  });
});
