import type { SolveProgress, VroomProblem, VroomSolution } from '../../routing/vroom-format';

/** Messages to the route solver's worker thread (structured-clone data only: no functions). */
export type WorkerRequest =
  | {
      type: 'solve';
      problem: VroomProblem;
      options: { timeLimitMs: number; seed?: number; maxIterations?: number };
      /** Send `progress` messages as the best solution improves. */
      progress?: boolean;
    }
  | { type: 'abort' };

/** Its answers. An error crosses the thread as its name and message. */
export type WorkerReply =
  | { type: 'solved'; solution: VroomSolution }
  | { type: 'progress'; progress: SolveProgress }
  | { type: 'failed'; name: string; message: string };
