/**
 * `npm run ivr:prompts`: the phone line's placeholder recordings, generated offline with
 * espeak-ng's Ukrainian voice (`apt-get install espeak-ng`) and converted to what Amazon Connect
 * plays (8 kHz, mono, μ-law WAV), one `<prompt id>.wav` per text of shared/messaging/ivr-prompts.ts,
 * into infra/connect/prompts/uk/ with a manifest of the texts they say. A hromada replaces them
 * with its own recordings (docs/services/phone-line.md); run this again after changing a text
 * (test/unit/messaging/ivr-recordings.test.ts fails until then).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ivrPrompts, type PromptId } from '../shared/messaging/ivr-prompts';
import { promptHash } from './lib/prompt-hash';
import { describeWav, muLawWav, readPcm16, resample } from './lib/wav';

const dir = fileURLToPath(new URL('../infra/connect/prompts/uk/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) rmSync(join(dir, file));

const manifest: Record<string, { text: string; sha256: string; seconds: number }> = {};
for (const [id, text] of Object.entries(ivrPrompts) as [PromptId, string][]) {
  const pcm = readPcm16(execFileSync('espeak-ng', ['-v', 'uk', '-s', '140', '--stdout', text]));
  const wav = muLawWav(resample(pcm, 8000));
  writeFileSync(join(dir, `${id}.wav`), wav);
  const seconds = Math.round(describeWav(wav).seconds * 10) / 10;
  manifest[id] = { text, sha256: promptHash(text), seconds };
  console.log(`${id}.wav  ${seconds} s  ${(wav.length / 1024).toFixed(0)} KiB`);
}
const voice = execFileSync('espeak-ng', ['--version']).toString().trim();
writeFileSync(
  join(dir, 'prompts.json'),
  `${JSON.stringify({ voice: `${voice}, voice uk, 140 wpm; 8 kHz mono μ-law`, prompts: manifest }, null, 2)}\n`,
);
