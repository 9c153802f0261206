import { describe, expect, it } from 'vitest';
import {
  createEntity,
  deleteEntity,
  findByPhone,
  getEntity,
  updateEntity,
} from '../../../shared/app/registry';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/domain/errors';
import { registryKinds } from '../../../shared/domain/registry';
import { BEREZNA, HROMADA, memoryPorts, seedBasics } from '../../support/fixtures';
import { fieldsOf, patchOf } from '../../support/inputs';

describe('registry use cases', () => {
  it('stores a resident with the phone in E.164 and defaults filled in', async () => {
    const { ports } = memoryPorts();
    const resident = await seedBasics(ports);
    expect(resident).toMatchObject({
      phone: '+380671234567',
      version: 1,
      mobility: { wheelchair: false, needsRamp: false, escort: false },
      confidential: false,
    });
  });

  it('rejects unknown fields and wrong types with the zod path (the parse a route does first)', () => {
    const parse = () =>
      fieldsOf(registryKinds.residents, {
        name: 'Х',
        phone: '067',
        settlementId: BEREZNA,
        address: 'с. Березна',
        location: null,
        nickname: 'x',
      });
    expect(parse).toThrow(ValidationError);
    const error = (() => {
      try {
        parse();
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error?.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['phone', '(root)']));
  });

  it('a partial update changes only what was sent, and bumps the version', async () => {
    const { ports } = memoryPorts();
    const resident = await seedBasics(ports, { mobility: { wheelchair: true, needsRamp: true } });
    const updated = await updateEntity(
      ports,
      registryKinds.residents,
      HROMADA,
      resident.id,
      patchOf(registryKinds.residents, { version: 1, address: 'с. Березна, вул. Миру, 1' }),
      'test',
    );
    expect(updated).toMatchObject({
      version: 2,
      address: 'с. Березна, вул. Миру, 1',
      mobility: { wheelchair: true },
    });
  });

  it('a stale version is a conflict and changes nothing', async () => {
    const { ports } = memoryPorts();
    const resident = await seedBasics(ports);
    await updateEntity(
      ports,
      registryKinds.residents,
      HROMADA,
      resident.id,
      patchOf(registryKinds.residents, { version: 1, smsConsent: false }),
      'a',
    );
    await expect(
      updateEntity(
        ports,
        registryKinds.residents,
        HROMADA,
        resident.id,
        patchOf(registryKinds.residents, { version: 1, name: 'Інше' }),
        'b',
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await getEntity(ports, registryKinds.residents, HROMADA, resident.id)).toMatchObject({
      version: 2,
      smsConsent: false,
      name: 'Ганна Шевчук',
    });
  });

  it('an update needs the version it was based on (the parse a route does first)', () => {
    expect(() => patchOf(registryKinds.residents, { name: 'Інше' })).toThrow(
      expect.objectContaining({ issues: [{ path: 'version', message: expect.any(String) }] }),
    );
  });

  it('finds the caller by any spelling of the number, and records an audit entry per change', async () => {
    const { ports, entities } = memoryPorts();
    const resident = await seedBasics(ports);
    expect((await findByPhone(ports, HROMADA, '+38 (067) 123-45-67')).map((r) => r.id)).toEqual([
      resident.id,
    ]);
    await deleteEntity(ports, registryKinds.residents, HROMADA, resident.id, 1, 'dispatcher-7');
    await expect(getEntity(ports, registryKinds.residents, HROMADA, resident.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(entities.auditEntries.map((a) => `${a.action}:${a.itemType}`)).toEqual([
      'create:Hromada',
      'create:Settlement',
      'create:Resident',
      'delete:Resident',
    ]);
    expect(entities.auditEntries.at(-1)).toMatchObject({ actor: 'dispatcher-7', changedFields: [] });
  });

  it('registry items of an unknown hromada are a 404, not an empty list', async () => {
    const { ports } = memoryPorts();
    await expect(
      createEntity(
        ports,
        registryKinds.depots,
        'nowhere',
        fieldsOf(registryKinds.depots, {
          name: 'Гараж',
          address: 'вул. Миру, 1',
          location: { lat: 49.5, lon: 27.9 },
        }),
        't',
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
