import type { AirRaidAlert } from '../domain/entities/air-raid-alert';
import type { Alert } from '../domain/entities/alert';
import type { AuditEntry } from '../domain/entities/audit-entry';
import type { CaseBooking, CaseStop } from '../domain/entities/case-stop';
import type { DangerZone } from '../domain/entities/danger-zone';
import type { Driver } from '../domain/entities/driver';
import type { FollowUp } from '../domain/entities/follow-up';
import type { Hromada } from '../domain/entities/hromada';
import type { IdempotencyRecord } from '../domain/entities/idempotency-record';
import type { ImportJob } from '../domain/entities/import-job';
import type { InboundSms } from '../domain/entities/inbound-sms';
import type { Plan } from '../domain/entities/plan';
import type { Resident } from '../domain/entities/resident';
import type { ResidentDay } from '../domain/entities/resident-day';
import type { ServiceAgreement } from '../domain/entities/service-agreement';
import type { ServiceRequest } from '../domain/entities/service-request';
import type { StandingOrder } from '../domain/entities/standing-order';
import type { Tour } from '../domain/entities/tour';
import type { TourJob, TourJobGuard } from '../domain/entities/tour-job';
import type { TourVisit } from '../domain/entities/tour-visit';
import type { RegistryItem, registryKinds } from '../domain/registry';
import type { ReportDay } from '../domain/report-day';

/**
 * The reads of the single table, one port per area and named for what its users ask. Every
 * entity (hromada, registry item, request, plan) comes back parsed with its schema, the adapter's
 * job, so use cases never re-parse; records (audit, received SMS) and guards come back as written.
 * Numbers are the access patterns of docs/data-model.md.
 */

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page. */
  next?: string;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface HromadaStore {
  /** 1 (consistent read). */
  get(id: string): Promise<Hromada | undefined>;
  /** 3: by name. */
  list(page?: PageRequest): Promise<Page<Hromada>>;
}

/** A registry kind kept inside a hromada (every kind but the hromada itself). */
export type HromadaScopedKind = (typeof registryKinds)[keyof typeof registryKinds];

/** The registry, generic over its kinds and typed by each kind's stored schema. */
export interface RegistryStore {
  /** 1 (consistent read). */
  get<K extends HromadaScopedKind>(
    kind: K,
    hromadaId: string,
    id: string,
  ): Promise<RegistryItem<K> | undefined>;
  /** 2: one kind in a hromada, by id. */
  list<K extends HromadaScopedKind>(
    kind: K,
    hromadaId: string,
    page?: PageRequest,
  ): Promise<Page<RegistryItem<K>>>;
}

/** A resident or driver found by phone number. */
export type PhoneMatch = { entity: 'Resident'; item: Resident } | { entity: 'Driver'; item: Driver };

export interface PeopleStore {
  /** 4: residents and drivers of the hromada with this E.164 number. */
  byPhone(hromadaId: string, e164: string): Promise<PhoneMatch[]>;
}

export interface RequestStore {
  /** 1 (consistent read). */
  get(hromadaId: string, id: string): Promise<ServiceRequest | undefined>;
  /** 5: every request of one service date. */
  forDay(hromadaId: string, date: string): Promise<ServiceRequest[]>;
  /** 6: a resident's trips, newest first. */
  byResident(hromadaId: string, residentId: string, page?: PageRequest): Promise<Page<ServiceRequest>>;
  /** CN1: a resident's trips with service dates from `from` to `to` (inclusive), oldest first, every page. */
  byResidentBetween(
    hromadaId: string,
    residentId: string,
    from: string,
    to: string,
  ): Promise<ServiceRequest[]>;
}

export interface PlanStore {
  /** 19: the plan of one date, at its current version (consistent read). */
  forDay(hromadaId: string, date: string): Promise<Plan | undefined>;
}

export interface AuditLog {
  /** 8: newest first. */
  list(hromadaId: string, page?: PageRequest): Promise<Page<AuditEntry>>;
  /** B1: one entry on its own (a read that changes nothing: `read-confidential`), one Put. */
  append(entry: AuditEntry): Promise<void>;
}

export interface InboundLog {
  /** 15: a received SMS already acted on (consistent read). */
  get(id: string): Promise<InboundSms | undefined>;
  /** 16: newest first. */
  list(hromadaId: string, page?: PageRequest): Promise<Page<InboundSms>>;
}

export interface IdempotencyStore {
  /** 23: the record of an Idempotency-Key in its scope (consistent read), expired or not. */
  get(hromadaId: string, caller: string, key: string): Promise<IdempotencyRecord | undefined>;
}

export interface ResidentDayStore {
  /** 24: a resident's booking guard for one service date (consistent read). */
  get(hromadaId: string, residentId: string, date: string): Promise<ResidentDay | undefined>;
}

export interface ImportJobStore {
  /** IJ2: a CSV import job (consistent read). */
  get(hromadaId: string, jobId: string): Promise<ImportJob | undefined>;
}

export interface FollowUpStore {
  /** D1 (consistent read). */
  get(hromadaId: string, id: string): Promise<FollowUp | undefined>;
  /** D2: the open ones, oldest first (`open`), or D3: all of them, by id (newest last). */
  list(hromadaId: string, filter: { open: boolean }, page?: PageRequest): Promise<Page<FollowUp>>;
}

export interface AlertStore {
  /** 1 (consistent read). */
  get(hromadaId: string, id: string): Promise<Alert | undefined>;
  /** A1: a day's alerts, newest first; only open (`handled: false`) or handled ones when asked. */
  forDay(
    hromadaId: string,
    date: string,
    handled: boolean | undefined,
    page?: PageRequest,
  ): Promise<Page<Alert>>;
}

export interface StandingOrderStore {
  /** T1 (consistent read). */
  get(hromadaId: string, id: string): Promise<StandingOrder | undefined>;
  /** T2: a hromada's standing orders, by id. */
  list(hromadaId: string, page?: PageRequest): Promise<Page<StandingOrder>>;
}

export interface CaseStopStore {
  /** 1 (consistent read). */
  get(hromadaId: string, id: string): Promise<CaseStop | undefined>;
  /** MC1: the stops from one local date to another (inclusive), by date and opening time. */
  between(hromadaId: string, from: string, to: string): Promise<CaseStop[]>;
}

export interface CaseBookingStore {
  /** MC2: every booking of one stop. */
  forStop(hromadaId: string, stopId: string): Promise<CaseBooking[]>;
  /** MC3: a resident's booking at one stop (consistent read). */
  get(hromadaId: string, stopId: string, residentId: string): Promise<CaseBooking | undefined>;
}

export interface ReportDayStore {
  /** RP2: a hromada's report days from one local date to another (both included), in date order. */
  between(hromadaId: string, from: string, to: string): Promise<ReportDay[]>;
}

export interface DangerZoneStore {
  /** ZN1 (consistent read). */
  get(hromadaId: string, id: string): Promise<DangerZone | undefined>;
  /** ZN2: every zone of a hromada (active or not), by id: a few dozen at most, every page read. */
  all(hromadaId: string): Promise<DangerZone[]>;
}

/** Regional tours: agreements, visits and tours (patterns RT1–RT8). */
export interface TourStores {
  /** RT1: a hromada's agreement with one provider (consistent read). */
  agreement(hromadaId: string, providerId: string): Promise<ServiceAgreement | undefined>;
  /** RT3: a hromada's agreements, by provider. */
  agreementsOf(hromadaId: string): Promise<ServiceAgreement[]>;
  /** RT2: a provider's agreements, by hromada. */
  agreementsOfProvider(providerId: string): Promise<ServiceAgreement[]>;
  /** 1: one visit (consistent read). */
  visit(hromadaId: string, id: string): Promise<TourVisit | undefined>;
  /** RT4: a hromada's visits from one local date to another (both included), by date. */
  visitsOf(hromadaId: string, from: string, to: string): Promise<TourVisit[]>;
  /** RT5: a provider's visits across hromady from one date to another, by date. */
  visitsOfProvider(providerId: string, from: string, to: string): Promise<TourVisit[]>;
  /** RT6: one tour (consistent read). */
  get(id: string): Promise<Tour | undefined>;
  /** RT7: a provider's tours, by first date. */
  ofProvider(providerId: string): Promise<Tour[]>;
  /** RT10: one tour job (consistent read). */
  job(id: string): Promise<TourJob | undefined>;
  /** RT9: the provider's tour-job guard (consistent read). */
  jobGuard(providerId: string): Promise<TourJobGuard | undefined>;
}

export interface AirRaidStore {
  /** 1 (consistent read). */
  get(hromadaId: string, id: string): Promise<AirRaidAlert | undefined>;
  /** AR1: a hromada's air-raid alerts, newest first. */
  list(hromadaId: string, page?: PageRequest): Promise<Page<AirRaidAlert>>;
  /** AR2: the alert in force, if any (the newest, when it has not ended; consistent read). */
  active(hromadaId: string): Promise<AirRaidAlert | undefined>;
  /** AR2 whether ended or not: the newest alert (consistent read). */
  newest(hromadaId: string): Promise<AirRaidAlert | undefined>;
}
