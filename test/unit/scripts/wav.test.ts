import { describe, expect, it } from 'vitest';
import { describeWav, muLaw, muLawWav, readPcm16, resample } from '../../../scripts/lib/wav';

/** μ-law back to linear (G.711), to check the encoder against its inverse. */
function decode(byte: number): number {
  const u = ~byte & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

function pcmWav(samples: number[], rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (const [i, s] of samples.entries()) data.writeInt16LE(s, i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(0x7ffff000, 4); // as espeak-ng streams it: sizes are placeholders
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(0x7ffff000, 40);
  return Buffer.concat([h, data]);
}

describe('prompt audio for Amazon Connect', () => {
  it('encodes G.711 μ-law: silence, the extremes, and close to the input on the way back', () => {
    expect(muLaw(0)).toBe(0xff);
    expect(muLaw(32767)).toBe(0x80);
    expect(muLaw(-32768)).toBe(0x00);
    for (const sample of [-20000, -1000, -40, 40, 1000, 20000]) {
      expect(Math.abs(decode(muLaw(sample)) - sample)).toBeLessThanOrEqual(Math.abs(sample) / 16 + 8);
    }
  });

  it("reads espeak-ng's streamed WAV (placeholder sizes) to the end of the data", () => {
    const pcm = readPcm16(pcmWav([0, 100, -100, 32767], 22050));
    expect(pcm).toEqual({ sampleRate: 22050, samples: Int16Array.from([0, 100, -100, 32767]) });
  });

  it('resamples 22 050 Hz to 8 kHz, averaging each span', () => {
    const samples = Int16Array.from({ length: 22050 }, (_, i) => (i % 2 === 0 ? 1000 : -1000));
    const out = resample({ sampleRate: 22050, samples }, 8000);
    expect(out.length).toBe(8000);
    // a tone above the telephone band is filtered out, not folded in
    expect(Math.max(...out.map(Math.abs))).toBeLessThanOrEqual(334);
  });

  it('writes 8 kHz mono 8-bit μ-law WAV', () => {
    const wav = muLawWav(Int16Array.from({ length: 8000 }), 8000);
    expect(describeWav(wav)).toEqual({ format: 7, channels: 1, rate: 8000, bits: 8, seconds: 1 });
    expect(wav.length).toBe(46 + 8000);
  });
});
