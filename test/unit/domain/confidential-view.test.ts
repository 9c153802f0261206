/** Masking a confidential case by role: one pure function per entity, and who may see it. */
import { describe, expect, it } from 'vitest';
import {
  CONFIDENTIAL_ADDRESS,
  maskRequest,
  maskResident,
  maySeeConfidential,
  providersServing,
} from '../../../shared/domain/confidential-view';
import type { Provider } from '../../../shared/domain/entities/provider';
import type { Resident } from '../../../shared/domain/entities/resident';
import type { ServiceRequest } from '../../../shared/domain/entities/service-request';
import type { Viewer } from '../../../shared/domain/viewer';

const stored = {
  hromadaId: 'khm',
  version: 1,
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
};
const VILLAGE = { lat: 49.56085, lon: 27.84392 };
const points = new Map([['berezna', VILLAGE]]);

const resident = (confidential: boolean): Resident => ({
  ...stored,
  id: 'r1',
  name: 'Олена Мельник',
  phone: null,
  settlementId: 'berezna',
  address: 'с. Березна, вул. Садова, 3',
  location: { lat: 49.5621, lon: 27.8401 },
  mobility: { wheelchair: false, needsRamp: false, escort: false },
  smsConsent: false,
  confidential,
  nearNoticeOptIn: false,
  categories: [],
});

const request = (confidential: boolean): ServiceRequest => ({
  ...stored,
  id: 'q1',
  serviceType: 'social-taxi',
  residentId: 'r1',
  date: '2026-11-24',
  pickup: {
    address: 'с. Березна, вул. Садова, 3',
    location: { lat: 49.5621, lon: 27.8401 },
    settlementId: 'berezna',
  },
  dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
  requestedTime: { kind: 'pickup', time: '09:00' },
  passengers: { escorts: 0, wheelchair: false },
  purpose: 'medical',
  serviceMinutes: 5,
  status: 'requested',
  window: { start: '2026-11-24T06:45:00.000Z', end: '2026-11-24T07:15:00.000Z' },
  confidential,
  expiresAt: 1,
});

const providers: Provider[] = [
  {
    ...stored,
    id: 'css',
    name: 'ЦСС',
    kind: 'social-services-centre',
    services: ['mobile-brigade', 'social-taxi'],
  },
  { ...stored, id: 'tc', name: 'Терцентр', kind: 'territorial-centre', services: ['delivery'] },
];

describe('maskResident / maskRequest', () => {
  it('a confidential resident: the address says конфіденційно, the location is the village', () => {
    const masked = maskResident(resident(true), points);
    expect(masked.address).toBe(CONFIDENTIAL_ADDRESS);
    expect(masked.location).toEqual(VILLAGE);
    expect(masked.name).toBe('Олена Мельник');
    expect(JSON.stringify(masked)).not.toContain('Садова');
  });

  it('a confidential request: both places and the purpose masked; a place with no village is rounded to 0.1°', () => {
    const masked = maskRequest(request(true), points);
    expect(masked.pickup).toEqual({
      address: CONFIDENTIAL_ADDRESS,
      location: VILLAGE,
      settlementId: 'berezna',
    });
    expect(masked.dropoff).toEqual({ address: CONFIDENTIAL_ADDRESS, location: { lat: 49.6, lon: 28 } });
    expect(masked.purpose).toBe('other');
    expect(JSON.stringify(masked)).not.toMatch(/Садова|Монастирська|medical/);
  });

  it('leaves a record that is not confidential as it is', () => {
    expect(maskResident(resident(false), points)).toEqual(resident(false));
    expect(maskRequest(request(false), points)).toEqual(request(false));
  });
});

describe('maySeeConfidential by role', () => {
  const serving = providersServing(providers, 'mobile-brigade');
  const cases: Array<[string, Viewer, boolean]> = [
    ['an admin', { id: 'a', role: 'admin' }, true],
    ['a dispatcher of the provider that serves it', { id: 'd', role: 'dispatcher', providerId: 'css' }, true],
    ['a brigade member of that provider', { id: 'b', role: 'brigade', providerId: 'css' }, true],
    ['a dispatcher of another provider', { id: 'd', role: 'dispatcher', providerId: 'tc' }, false],
    ['a brigade member of another provider', { id: 'b', role: 'brigade', providerId: 'tc' }, false],
    ['a hromada-wide dispatcher (no provider)', { id: 'd', role: 'dispatcher' }, false],
    ['any other account, even naming the provider', { id: 'x', role: 'other', providerId: 'css' }, false],
  ];
  it.each(cases)('%s → %s', (_who, viewer, may) => {
    expect(maySeeConfidential(viewer, serving)).toBe(may);
  });

  it('the providers serving a case are those offering its service', () => {
    expect([...providersServing(providers, 'social-taxi')]).toEqual(['css']);
    expect([...providersServing(providers, 'delivery')]).toEqual(['tc']);
  });
});
