/**
 * Pure benchmark-instance readers: text in, VroomProblem out (no fs). Task ids are the instance's
 * own node numbers; matrices are Euclidean in double precision with durations = distances.
 */
import type { VroomProblem } from '../vroom-format';
import { applyObjective, FormatError, type ReaderOptions } from './common';
import { readCordeau } from './cordeau';
import { readLiLim } from './lilim';
import { readSolomon } from './solomon';

export { type BenchmarkObjective, euclideanMatrix, FormatError, type ReaderOptions } from './common';
export { readCordeau } from './cordeau';
export { readLiLim } from './lilim';
export { readSolomon } from './solomon';

export type InstanceFormat = 'vroom' | 'solomon' | 'lilim' | 'cordeau';
export const INSTANCE_FORMATS: readonly InstanceFormat[] = ['vroom', 'solomon', 'lilim', 'cordeau'];

/** Guess the format from the file name and/or content. */
export function guessFormat(fileName: string, text: string): InstanceFormat {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const trimmed = text.trimStart();
  if (/\.json$/i.test(base) || trimmed.startsWith('{')) return 'vroom';
  if (/CUST\s*NO/i.test(text) || /^\s*VEHICLE\s*$/im.test(text)) return 'solomon';
  const firstLines = trimmed.split(/\r?\n/).slice(0, 3);
  const header = (firstLines[0] ?? '').trim().split(/\s+/);
  const second = (firstLines[1] ?? '').trim().split(/\s+/);
  if (header.length === 5 && second.length === 7) return 'cordeau';
  if (header.length === 3 && second.length === 9) return 'lilim';
  if (/^[ab]\d+-\d+/i.test(base)) return 'cordeau';
  if (/^l(c|r|rc)\d/i.test(base)) return 'lilim';
  if (/^(c|r|rc)\d/i.test(base)) return 'solomon';
  throw new FormatError(`cannot guess the format of ${fileName}`);
}

export function readInstance(text: string, format: InstanceFormat, opts?: ReaderOptions): VroomProblem {
  switch (format) {
    case 'solomon':
      return readSolomon(text, opts);
    case 'lilim':
      return readLiLim(text, opts);
    case 'cordeau':
      return readCordeau(text, opts);
    case 'vroom': {
      const problem = JSON.parse(text) as VroomProblem;
      return opts?.objective || opts?.fixedCost !== undefined ? applyObjective(problem, opts) : problem;
    }
  }
}
