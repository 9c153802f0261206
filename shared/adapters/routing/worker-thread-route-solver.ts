import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RouteSolveOptions, RouteSolver } from '../../ports/route-solver';
import { RoutingInputError } from '../../routing/engine/errors';
import type { VroomProblem, VroomSolution } from '../../routing/vroom-format';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** Beside the function's bundle in Lambda (built with it: infra/constructs/app-function.ts). */
const BUNDLED_WORKER = new URL('./route-solver-worker.mjs', import.meta.url);
const SOURCE_WORKER = new URL('./route-solver-worker.ts', import.meta.url);

/** The bundled worker when there is one (Lambda), else the source (tsx: local platform, tests). */
function newWorker(): Worker {
  if (existsSync(fileURLToPath(BUNDLED_WORKER))) return new Worker(BUNDLED_WORKER);
  return new Worker(SOURCE_WORKER, { execArgv: workerExecArgv() });
}

/**
 * The worker runs TypeScript source: it needs the tsx loader. `node --import tsx` passes it on to
 * workers through execArgv; when this process was started otherwise (vitest), add it explicitly.
 */
function workerExecArgv(): string[] {
  if (process.execArgv.some((arg) => arg.includes('tsx'))) return process.execArgv;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [...process.execArgv, '--import', tsx];
}

/** An error from the worker, re-created on this side (RoutingInputError by name, so callers can tell). */
function errorFrom(reply: { name: string; message: string }): Error {
  if (reply.name === 'RoutingInputError') return new RoutingInputError(reply.message);
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}

/**
 * Solves in a worker thread, as a separate Lambda would in AWS: the caller's event loop (the local
 * platform's only one, serving every request) stays free during a plan. Idle workers are kept for
 * the next solve and do not keep the process alive; one solve at a time per worker.
 */
export class WorkerThreadRouteSolver implements RouteSolver {
  private readonly idle: Worker[] = [];

  solve(problem: VroomProblem, options: RouteSolveOptions): Promise<VroomSolution> {
    const { signal, onProgress, ...limits } = options;
    const worker = this.idle.pop() ?? newWorker();
    worker.ref();
    return new Promise<VroomSolution>((resolve, reject) => {
      const onAbort = () => worker.postMessage({ type: 'abort' } satisfies WorkerRequest);
      const cleanUp = () => {
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'progress') {
          onProgress?.(reply.progress);
          return;
        }
        cleanUp();
        worker.unref();
        this.idle.push(worker);
        if (reply.type === 'solved') resolve(reply.solution);
        else reject(errorFrom(reply));
      };
      const onError = (error: Error) => {
        cleanUp();
        void worker.terminate();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanUp();
        reject(new Error(`route solver worker exited with code ${code}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({
        type: 'solve',
        problem,
        options: limits,
        ...(onProgress ? { progress: true } : {}),
      } satisfies WorkerRequest);
      if (signal?.aborted) onAbort();
    });
  }

  /** Stops the idle workers (tests; the platform's process exit ends them anyway). */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }
}
