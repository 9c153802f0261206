import { describe, expect, it } from 'vitest';
import { editServiceRequest } from '../../../shared/app/edit-request';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { RuleRefusalError } from '../../../shared/domain/errors';
import { HROMADA, memoryPorts, seedBasics, seedFleet, TAXI, taxiRequest } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';

describe('an edit keeps to the hromada’s rules, as a booking does', () => {
  it('refuses a new time no car works at, with the reason; a time the fleet covers is taken', async () => {
    const { ports } = memoryPorts(); // Monday 23 Nov 2026, 12:00 Kyiv; the fleet works 08:00–17:00
    const resident = await seedBasics(ports);
    await seedFleet(ports, [TAXI]);
    const ride = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd');
    const late = editServiceRequest(
      ports,
      HROMADA,
      ride.id,
      { version: ride.version, requestedTime: { kind: 'pickup', time: '19:30' }, allowOverlap: false },
      'd',
    );
    await expect(late).rejects.toBeInstanceOf(RuleRefusalError);
    await expect(late).rejects.toMatchObject({ code: 'rule-fleet', reason: expect.stringMatching(/авто/) });
    const moved = await editServiceRequest(
      ports,
      HROMADA,
      ride.id,
      { version: ride.version, requestedTime: { kind: 'pickup', time: '10:30' }, allowOverlap: false },
      'd',
    );
    expect(moved.requestedTime.time).toBe('10:30');
  });
});
