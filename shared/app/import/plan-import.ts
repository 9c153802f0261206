import type { z } from 'zod';
import type { RegistryPatch } from '../../domain/registry';
import type { CellValue, Lookups } from './cells';
import type { CsvTable } from './decode-csv';
import { type ImportColumn, type ImportKind, normaliseHeader } from './import-kinds';
import { reasonOf, withContext } from './messages';

/** Why a row cannot be imported: the column as the file names it, and the reason in Ukrainian. */
export interface RowError {
  field: string;
  reason: string;
}

/** What one row of the file does. */
export type PlanStep =
  | { row: number; action: 'create'; fields: Record<string, unknown> }
  | { row: number; action: 'update'; id: string; patch: RegistryPatch; changed: string[] }
  | { row: number; action: 'unchanged'; id: string }
  | { row: number; action: 'error'; errors: RowError[] };

type Stored = Record<string, unknown> & { id: string; version: number };
type Mapped = { column: ImportColumn; index: number; header: string };

/**
 * The plan of an import: each row read, validated with the kind's zod schema, and matched with
 * the item it already is (by an `id` column, else by its natural key). Pure: nothing is written.
 */
export function planImport(kind: ImportKind, table: CsvTable, existing: Stored[], lookups: Lookups) {
  const { mapped, warnings } = mapHeader(kind, table.header);
  const byId = new Map(existing.map((item) => [item.id, item]));
  const byKey = new Map<string, Stored>();
  for (const item of existing) {
    for (const key of kind.naturalKeys(item)) if (!byKey.has(key)) byKey.set(key, item);
  }
  const seen = new Map<string, number>();
  const steps = table.rows.map(({ line, cells }) => {
    const step = planRow(kind, mapped, cells, lookups, { byId, byKey });
    if (step.action === 'error') return { row: line, ...step };
    const id = step.action === 'create' ? step.fields.id : step.id;
    const identity =
      typeof id === 'string'
        ? `id:${id}`
        : `key:${step.action === 'create' ? kind.naturalKeys(step.fields)[0] : ''}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      return {
        row: line,
        action: 'error' as const,
        errors: [{ field: '(рядок)', reason: `повторює рядок ${first}` }],
      };
    }
    seen.set(identity, line);
    return { row: line, ...step } as PlanStep;
  });
  return { steps, warnings };
}

function mapHeader(kind: ImportKind, header: string[]) {
  const warnings: string[] = [];
  const mapped: Mapped[] = [];
  header.forEach((raw, index) => {
    const name = normaliseHeader(raw);
    const column = kind.columns.find((c) => c.names.includes(name));
    if (!column) warnings.push(`стовпець «${raw}» не розпізнано, його пропущено`);
    else if (mapped.some((m) => m.column === column))
      warnings.push(`стовпець «${raw}» повторюється, взято перший`);
    else mapped.push({ column, index, header: raw });
  });
  return { mapped, warnings };
}

type Indexes = { byId: Map<string, Stored>; byKey: Map<string, Stored> };
type RowStep =
  | { action: 'create'; fields: Record<string, unknown> }
  | { action: 'update'; id: string; patch: RegistryPatch; changed: string[] }
  | { action: 'unchanged'; id: string }
  | { action: 'error'; errors: RowError[] };

function planRow(
  kind: ImportKind,
  mapped: Mapped[],
  cells: string[],
  lookups: Lookups,
  ix: Indexes,
): RowStep {
  const { input, errors } = readRow(kind, mapped, cells, lookups);
  const current =
    typeof input.id === 'string'
      ? ix.byId.get(input.id)
      : kind
          .naturalKeys(input)
          .map((key) => ix.byKey.get(key))
          .find((item) => item !== undefined);
  const candidate = current ? merge(kind, current, input) : withNulls(kind, input);
  const parsed = (kind.registry.create as z.ZodType<Record<string, unknown>>).safeParse(candidate);
  if (errors.length > 0 || !parsed.success) {
    const failed = new Set(errors.map((e) => e.path));
    const zodErrors = parsed.success ? [] : parsed.error.issues.map((issue) => issueError(mapped, issue));
    const all = [...errors, ...zodErrors.filter((e) => !failed.has(e.path))];
    return { action: 'error', errors: all.map(({ field, reason }) => ({ field, reason })) };
  }
  if (!current) return { action: 'create', fields: parsed.data };
  // Only the fields that differ from what is stored are patched: a second import changes nothing.
  const changed = Object.keys(kind.registry.fields).filter(
    (name) => JSON.stringify(parsed.data[name]) !== JSON.stringify(current[name]),
  );
  if (changed.length === 0) return { action: 'unchanged', id: current.id };
  const patch: RegistryPatch = { version: current.version };
  for (const name of changed) patch[name] = parsed.data[name];
  return { action: 'update', id: current.id, patch, changed };
}

/** The stored item with the row's values over it (a sheet may hold only the columns to change). */
function merge(kind: ImportKind, current: Stored, input: Record<string, unknown>) {
  const merged: Record<string, unknown> = {};
  for (const name of Object.keys(kind.registry.fields)) {
    const was = current[name];
    const now = input[name];
    merged[name] = now === undefined ? was : isObject(now) && isObject(was) ? { ...was, ...now } : now;
  }
  return merged;
}

/** A new item: the nullable groups a file leaves out are null (no coordinates, no phone). */
function withNulls(kind: ImportKind, input: Record<string, unknown>) {
  const out = { ...input };
  for (const group of kind.nullWhenAbsent) if (out[group] === undefined) out[group] = null;
  for (const [field, value] of Object.entries(kind.defaults ?? {}))
    if (out[field] === undefined) out[field] = value;
  return out;
}

/** A row's cells as the input of the kind's create schema; cells that cannot be read, as errors. */
function readRow(kind: ImportKind, mapped: Mapped[], cells: string[], lookups: Lookups) {
  const input: Record<string, unknown> = {};
  const errors: Array<RowError & { path: string }> = [];
  for (const { column, index, header } of mapped) {
    const cell: CellValue = column.read(cells[index] ?? '', lookups);
    if (cell === undefined) continue;
    if ('error' in cell) errors.push({ field: header, path: column.path, reason: cell.error });
    else setPath(input, column.path, cell.value);
  }
  // Columns of a group present but empty (no coordinates): the group is null, not missing.
  for (const group of kind.nullWhenAbsent) {
    const present = mapped.some((m) => m.column.path.startsWith(`${group}.`));
    const failed = errors.some((e) => e.path.startsWith(`${group}.`));
    if (present && !failed && input[group] === undefined) input[group] = null;
  }
  return { input, errors };
}

function issueError(mapped: Mapped[], issue: z.core.$ZodIssue): RowError & { path: string } {
  const path = issue.path.map(String).join('.');
  const column = mapped.find((m) => path === m.column.path || path.startsWith(`${m.column.path}.`));
  const field = column?.header ?? (path || '(рядок)');
  return { field, path: column?.column.path ?? path, reason: withContext(path, reasonOf(issue)) };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = isObject(target[head]) ? (target[head] as Record<string, unknown>) : {};
  target[head] = inner;
  setPath(inner, rest.join('.'), value);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
