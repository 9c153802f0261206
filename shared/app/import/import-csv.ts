import type { Actor } from '../../domain/actor';
import { AppError, ConflictError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { mapAtMost } from '../map-at-most';
import { createEntity, listAll, requireHromada, updateEntity } from '../registry';
import { parseCsv } from './decode-csv';
import {
  type ImportablePlural,
  type ImportPorts,
  importKinds,
  type RegistryImportable,
} from './import-kinds';
import { lookupsOf } from './lookups';
import { type PlanStep, planImport, type RowError } from './plan-import';

/** What happened to one row (or, in a dry run, would happen). */
export interface ImportRowReport {
  row: number;
  action: 'create' | 'update' | 'unchanged' | 'error';
  id?: string;
  changed?: string[];
  errors?: RowError[];
}

export interface ImportReport {
  kind: ImportablePlural;
  dryRun: boolean;
  encoding: string;
  separator: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  warnings: string[];
  items: ImportRowReport[];
}

export interface ImportOptions {
  dryRun: boolean;
  actor: Actor;
  /** Rows written at once (each its own transaction). */
  concurrency?: number;
  onProgress?(done: number, total: number): void;
}

/**
 * Import a CSV export of one registry kind into a hromada. Every row is planned first (read,
 * validated, matched by id or natural key); then, unless it is a dry run, each row that changes
 * something is written with the registry's own use case: one transaction with its audit entry,
 * so a row that fails leaves nothing half-written and the rows before it stay.
 */
export async function importCsv(
  ports: ImportPorts,
  hromadaId: string,
  plural: ImportablePlural,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportReport> {
  await requireHromada(ports, hromadaId);
  const kind = importKinds[plural];
  const table = parseCsv(bytes);
  const existing = kind.store
    ? await kind.store.list(ports, hromadaId)
    : ((await listAll(ports, registryKinds[plural as RegistryImportable], hromadaId)) as never[]);
  const orders = plural === 'standing-orders';
  const lookups = lookupsOf({
    settlements: plural === 'residents' ? await listAll(ports, registryKinds.settlements, hromadaId) : [],
    depots: plural === 'vehicles' ? await listAll(ports, registryKinds.depots, hromadaId) : [],
    providers: plural === 'vehicles' ? await listAll(ports, registryKinds.providers, hromadaId) : [],
    residents: orders ? await listAll(ports, registryKinds.residents, hromadaId) : [],
    places: orders ? await listAll(ports, registryKinds.places, hromadaId) : [],
  });
  const { steps, warnings } = planImport(kind, table, existing, lookups);
  const items = options.dryRun
    ? steps.map(reportOf)
    : await applyAll(steps, options, (step) => applyStep(ports, plural, hromadaId, step, options.actor));
  const count = (action: ImportRowReport['action']) => items.filter((i) => i.action === action).length;
  return {
    kind: plural,
    dryRun: options.dryRun,
    encoding: table.encoding,
    separator: table.separator,
    rows: items.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    failed: count('error'),
    warnings,
    items,
  };
}

function reportOf(step: PlanStep): ImportRowReport {
  switch (step.action) {
    case 'create':
      return {
        row: step.row,
        action: 'create',
        ...(typeof step.fields.id === 'string' ? { id: step.fields.id } : {}),
      };
    case 'update':
      return { row: step.row, action: 'update', id: step.id, changed: step.changed };
    case 'unchanged':
      return { row: step.row, action: 'unchanged', id: step.id };
    case 'error':
      return { row: step.row, action: 'error', errors: step.errors };
  }
}

async function applyStep(
  ports: ImportPorts,
  plural: ImportablePlural,
  hromadaId: string,
  step: PlanStep,
  actor: Actor,
): Promise<ImportRowReport> {
  const store = importKinds[plural].store;
  try {
    if (step.action === 'create') {
      const item = store
        ? await store.create(ports, hromadaId, step.fields, actor)
        : await createEntity(
            ports,
            registryKinds[plural as RegistryImportable],
            hromadaId,
            step.fields as never,
            actor,
          );
      return { row: step.row, action: 'create', id: item.id };
    }
    if (step.action === 'update') {
      if (store) await store.update(ports, hromadaId, step.id, step.patch, actor);
      else
        await updateEntity(
          ports,
          registryKinds[plural as RegistryImportable],
          hromadaId,
          step.id,
          step.patch,
          actor,
        );
    }
    return reportOf(step);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const reason =
      error instanceof ConflictError
        ? 'запис змінено або створено іншим користувачем під час імпорту; повторіть імпорт'
        : (error.reason ?? error.message);
    return { row: step.row, action: 'error', errors: [{ field: '(рядок)', reason }] };
  }
}

/** Rows in order, `concurrency` at a time; the report keeps the file's order. */
async function applyAll(
  steps: PlanStep[],
  options: ImportOptions,
  apply: (step: PlanStep) => Promise<ImportRowReport>,
): Promise<ImportRowReport[]> {
  let done = 0;
  return mapAtMost(steps, options.concurrency ?? 4, async (step) => {
    const report = await apply(step);
    done += 1;
    options.onProgress?.(done, steps.length);
    return report;
  });
}
