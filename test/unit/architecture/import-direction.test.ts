import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house's import direction (docs/architecture.md): pure core, use cases on ports, adapters at
 * the edge. Each folder lists the folders it may import from; packages with I/O or cloud SDKs are
 * allowed only where the table says. A use case that imports an adapter fails here.
 */
const root = path.resolve(__dirname, '../../..');

const MAY_IMPORT: Record<string, string[]> = {
  'shared/domain': [],
  'shared/routing': [],
  'shared/messaging': ['shared/domain'],
  'shared/ports': ['shared/domain', 'shared/routing'],
  'shared/config': ['shared/domain'],
  'shared/observability': [],
  'shared/app': ['shared/domain', 'shared/ports', 'shared/messaging', 'shared/routing'],
  'shared/adapters': [
    'shared/domain',
    'shared/ports',
    'shared/messaging',
    'shared/routing',
    'shared/config',
    'shared/observability',
  ],
  'shared/http': ['shared/domain', 'shared/ports', 'shared/app', 'shared/observability'],
  functions: ['shared', 'events/contracts'],
  'events/contracts': [],
};

/** Packages that do I/O or talk to a cloud, and the only folders that may import them. */
const PACKAGE_HOMES: Array<[RegExp, string[]]> = [
  [/^@aws-sdk\//, ['shared/adapters', 'infra']],
  [/^openrouteservice-js$/, ['shared/adapters']],
  [/^(aws-cdk-lib|constructs|cdk-nag)(\/|$)/, ['infra']],
  [/^@middy\//, ['shared/http', 'shared/observability', 'functions']],
  [/^node:(fs|child_process|net|http|https|worker_threads)/, ['shared/adapters', 'infra']],
];

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(rel);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2])!);
}

const layerOf = (file: string) =>
  Object.keys(MAY_IMPORT)
    .filter((layer) => file === layer || file.startsWith(`${layer}/`))
    .sort((a, b) => b.length - a.length)[0];

/** Whether `file` may not import `spec` by the table above. */
function breaksDirection(file: string, spec: string): boolean {
  const layer = layerOf(file);
  if (!spec.startsWith('.')) {
    return PACKAGE_HOMES.some(
      ([pattern, homes]) => pattern.test(spec) && !homes.some((h) => file.startsWith(`${h}/`)),
    );
  }
  if (!layer) return false;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  return ![layer, ...MAY_IMPORT[layer]!].some((a) => target === a || target.startsWith(`${a}/`));
}

describe('import direction', () => {
  const files = ['shared', 'functions', 'events', 'infra'].flatMap(filesUnder);

  it('every folder imports only what docs/architecture.md allows', () => {
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => breaksDirection(file, spec))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(found).toEqual([]);
  });

  it('refuses a use case importing an adapter or an SDK, and the pure core importing I/O', () => {
    expect(breaksDirection('shared/app/plan-day.ts', '../adapters/dynamodb/client')).toBe(true);
    expect(breaksDirection('shared/app/plan-day.ts', '@aws-sdk/client-dynamodb')).toBe(true);
    expect(breaksDirection('shared/app/plan-day.ts', '../http/router')).toBe(true);
    expect(breaksDirection('shared/routing/engine/search.ts', '../../domain/time')).toBe(true);
    expect(breaksDirection('shared/domain/time.ts', 'node:fs')).toBe(true);
    expect(breaksDirection('shared/adapters/dynamodb/client.ts', '@aws-sdk/client-dynamodb')).toBe(false);
    expect(breaksDirection('shared/app/plan-day.ts', '../ports/clock')).toBe(false);
  });
});
