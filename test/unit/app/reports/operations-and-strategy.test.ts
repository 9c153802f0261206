import { describe, expect, it } from 'vitest';
import { operationsReport, operationsTable } from '../../../../shared/app/reports/operations-report';
import { strategyReport, strategyTable } from '../../../../shared/app/reports/strategy-report';
import type { PlannedRoute, ReportDay } from '../../../../shared/domain/report-day';

const input = { hromadaId: 'khm', period: { from: '2026-11-01', to: '2026-11-02' } };
const route = (r: Partial<PlannedRoute>): PlannedRoute => ({
  driverId: 'drv-1',
  km: 0,
  hours: 0,
  riderKm: 0,
  pickups: 0,
  visits: 0,
  ...r,
});
const day = (date: string, fields: Partial<ReportDay>): ReportDay => ({
  hromadaId: 'khm',
  date,
  counts: {},
  sets: {},
  planned: null,
  ...fields,
});

describe('operations report (hand-counted)', () => {
  const days = [
    day('2026-11-01', {
      counts: { 'riders|social-taxi': 10, 'riders|delivery': 4 },
      planned: {
        taxi: route({ km: 50, hours: 4, riderKm: 60, pickups: 8 }),
        brigade: route({ driverId: 'drv-2', km: 30, hours: 3, visits: 3 }),
      },
    }),
    day('2026-11-02', {
      counts: { 'riders|social-taxi': 6 },
      planned: {
        taxi: route({ km: 30, hours: 4, riderKm: 36, pickups: 5 }),
        // a delivery van made visits: not staff km
        van: route({ driverId: 'drv-3', km: 20, hours: 2, visits: 4 }),
      },
    }),
    day('2026-11-03', {}), // a day without a plan
  ];
  const vehicles = new Map([
    [
      'taxi',
      {
        capacity: { seats: 4, wheelchairPlaces: 1, cargoKg: 0, cargoLitres: 0 },
        services: ['social-taxi' as const],
      },
    ],
    [
      'brigade',
      {
        capacity: { seats: 3, wheelchairPlaces: 0, cargoKg: 0, cargoLitres: 0 },
        services: ['mobile-brigade' as const],
      },
    ],
    [
      'van',
      {
        capacity: { seats: 2, wheelchairPlaces: 0, cargoKg: 500, cargoLitres: 0 },
        services: ['delivery' as const],
      },
    ],
  ]);
  const report = operationsReport(input, days, vehicles);

  it('riders per vehicle-hour and the share of seat-km used', () => {
    // 16 riders over 8 h of taxi routes; seat-km 4 × (50 + 30) = 320, rider-km 96
    expect(report).toMatchObject({
      riders: 16,
      rideVehicleHours: 8,
      ridersPerVehicleHour: 2,
      seatKm: 320,
      riderKm: 96,
      seatKmShare: 0.3,
    });
  });

  it('km per vehicle, per driver, and per staff member on brigade trips', () => {
    expect(report.byVehicle).toEqual([
      { vehicleId: 'brigade', days: 1, km: 30, hours: 3, reportedKm: null },
      { vehicleId: 'taxi', days: 2, km: 80, hours: 8, reportedKm: null },
      { vehicleId: 'van', days: 1, km: 20, hours: 2, reportedKm: null },
    ]);
    expect(report.byDriver).toEqual([
      { driverId: 'drv-1', days: 2, km: 80, reportedKm: null },
      { driverId: 'drv-2', days: 1, km: 30, reportedKm: null },
      { driverId: 'drv-3', days: 1, km: 20, reportedKm: null },
    ]);
    expect(report.staffKm).toEqual([{ driverId: 'drv-2', km: 30, reportedKm: null }]);
    expect(operationsTable(report).rows).toContainEqual([
      'Пасажирів на авто-годину',
      '2026-11-01 – 2026-11-02',
      2,
    ]);
  });
});

describe('operations report: drivers and km as reported', () => {
  // the planner names no driver on its routes: the driver is the one whose vehicles include the route's
  const days = [
    day('2026-11-01', {
      planned: {
        brigade: route({ driverId: null, km: 30, hours: 3, visits: 3 }),
        taxi: route({ driverId: null, km: 50, hours: 4, pickups: 8 }),
        spare: route({ driverId: null, km: 5, hours: 1, pickups: 1 }),
      },
    }),
  ];
  const vehicles = new Map([
    ['brigade', { capacity: { seats: 3, wheelchairPlaces: 0 }, services: ['mobile-brigade' as const] }],
    ['taxi', { capacity: { seats: 4, wheelchairPlaces: 1 }, services: ['social-taxi' as const] }],
  ]);
  const driverOfVehicle = new Map([
    ['brigade', 'drv-brigade'],
    ['taxi', 'drv-1'],
  ]);
  const report = operationsReport(input, days, vehicles, driverOfVehicle);

  it("counts a route's km for the driver of its vehicle when the plan names none", () => {
    expect(report.byDriver).toEqual([
      { driverId: 'drv-1', days: 1, km: 50, reportedKm: null },
      { driverId: 'drv-brigade', days: 1, km: 30, reportedKm: null },
    ]);
    expect(report.staffKm).toEqual([{ driverId: 'drv-brigade', km: 30, reportedKm: null }]);
  });

  it('gives no km as reported (drivers send none): null with a note, never the planned km', () => {
    expect(report.byVehicle.map((v) => v.reportedKm)).toEqual([null, null, null]);
    expect(report.reportedKmNote).toMatch(/не надсилають/);
    const rows = operationsTable(report).rows;
    expect(rows).toContainEqual(['Км водія (за звітом)', 'drv-1', null]);
    expect(rows.find((r) => r[0] === 'Примітка')?.[1]).toBe(report.reportedKmNote);
  });
});

describe('strategy report (hand-counted)', () => {
  const settlements = [
    { id: 'centre', starostaDistrict: null, remote: false },
    { id: 'a1', starostaDistrict: 'А', remote: false },
    { id: 'a2', starostaDistrict: 'А', remote: true },
    { id: 'b1', starostaDistrict: 'Б', remote: true },
    { id: 'c1', starostaDistrict: 'В', remote: false },
    { id: 'd1', starostaDistrict: 'Г', remote: false },
  ];
  const residents = [
    { id: 'r1', settlementId: 'a2' },
    { id: 'r2', settlementId: 'a2' },
    { id: 'r3', settlementId: 'b1' },
    { id: 'r4', settlementId: 'a1' }, // not remote: not counted, though supplied
  ];
  const days = [
    day('2026-11-01', {
      sets: { 'taxi-settlements': ['a1', 'centre'], delivered: ['a2#r1', 'a1#r4'] },
    }),
    day('2026-11-02', { sets: { 'taxi-settlements': ['a2', 'b1'], delivered: ['a2#r1'] } }),
  ];

  it('districts served by the social taxi and remote residents supplied', () => {
    const report = strategyReport(input, days, settlements, residents);
    // districts А, Б of 4 (the centre has none); remote residents r1, r2, r3: r1 supplied
    expect(report).toMatchObject({
      starostaDistricts: 4,
      districtsServedByTaxi: 2,
      districtsServedShare: 0.5,
      remoteResidents: 3,
      remoteResidentsSupplied: 1,
      remoteSuppliedShare: 0.33,
    });
    expect(strategyTable(report).rows).toEqual([['2026-11-01 – 2026-11-02', 4, 2, 0.5, 3, 1, 0.33]]);
  });
});
