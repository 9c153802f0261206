import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { promptHash } from '../../../scripts/lib/prompt-hash';
import { describeWav } from '../../../scripts/lib/wav';
import { ivrPrompts } from '../../../shared/messaging/ivr-prompts';

const dir = new URL('../../../infra/connect/prompts/uk/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('prompts.json', dir), 'utf8')) as {
  prompts: Record<string, { sha256: string }>;
};

describe('the placeholder recordings shipped for the phone line', () => {
  it('one per prompt, nothing else', () => {
    const wavs = readdirSync(dir).filter((f) => f.endsWith('.wav'));
    expect(wavs.sort()).toEqual(
      Object.keys(ivrPrompts)
        .map((id) => `${id}.wav`)
        .sort(),
    );
  });

  it.each(Object.entries(ivrPrompts))('%s says the current text, in the format Connect plays', (id, text) => {
    // a changed text needs `npm run ivr:prompts` (espeak-ng) or a new recording
    expect(manifest.prompts[id]?.sha256).toBe(promptHash(text));
    const wav = describeWav(readFileSync(new URL(`${id}.wav`, dir)));
    expect(wav).toMatchObject({ format: 7, channels: 1, rate: 8000, bits: 8 });
    expect(wav.seconds).toBeGreaterThan(0.5);
    expect(wav.seconds).toBeLessThan(30);
  });
});
