import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/**
 * Runs `script` (a file in this folder) in its own Node process and SIGKILLs it the moment it
 * prints `marker`: the crash comes exactly where the script says it is. Resolves with how it
 * ended and what it printed (a test expects SIGKILL and the marker alone).
 */
export async function killWhenItSays(script: string, args: string[], marker: string) {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes(marker)) child.kill('SIGKILL');
  });
  const [code, signal] = await once(child, 'exit');
  return { code, signal, out };
}
