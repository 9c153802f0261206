/**
 * The worker thread behind WorkerThreadRouteSolver: solves one problem per `solve` message, yields
 * between chunks of search so that an `abort` message is seen, and answers `solved` or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import { solveAsync } from '../../routing/engine/index';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('route-solver-worker must run in a worker thread');
let current: AbortController | undefined;

port.on('message', async (message: WorkerRequest) => {
  if (message.type === 'abort') {
    current?.abort();
    return;
  }
  current = new AbortController();
  const { problem, options } = message;
  let reply: WorkerReply;
  try {
    const solution = await solveAsync(problem, {
      ...options,
      signal: current.signal,
      now: () => performance.now(),
      ...(message.progress
        ? { onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies WorkerReply) }
        : {}),
    });
    reply = { type: 'solved', solution };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { type: 'failed', name: e.name, message: e.message };
  }
  current = undefined;
  port.postMessage(reply);
});
