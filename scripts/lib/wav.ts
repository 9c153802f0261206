/**
 * Just enough WAV for the phone line's prompts: read espeak-ng's 16-bit PCM, resample it to
 * 8 kHz and encode it as G.711 μ-law, the format Amazon Connect plays prompts in (8 kHz, mono,
 * 8-bit μ-law). Pure functions, tested in test/unit/scripts/wav.test.ts.
 */

export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

/** 16-bit mono PCM from a WAV file. A streamed file's data size may be a placeholder: read to the end. */
export function readPcm16(wav: Buffer): Pcm {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a WAV file');
  }
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      const format = wav.readUInt16LE(offset + 8);
      const channels = wav.readUInt16LE(offset + 10);
      const bits = wav.readUInt16LE(offset + 22);
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error('expected 16-bit mono PCM');
      sampleRate = wav.readUInt32LE(offset + 12);
    } else if (id === 'data') {
      const end = Math.min(wav.length, offset + 8 + size);
      const bytes = wav.subarray(offset + 8, end - ((end - offset - 8) % 2));
      const samples = new Int16Array(bytes.length / 2);
      for (let i = 0; i < samples.length; i += 1) samples[i] = bytes.readInt16LE(i * 2);
      if (!sampleRate) throw new Error('data before fmt');
      return { sampleRate, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/**
 * Resample to `rate` by averaging each output sample's span of input samples (a box low-pass,
 * enough against aliasing for speech going from 22 kHz to the telephone's 8 kHz).
 */
export function resample(pcm: Pcm, rate: number): Int16Array {
  const ratio = pcm.sampleRate / rate;
  const out = new Int16Array(Math.floor(pcm.samples.length / ratio));
  for (let i = 0; i < out.length; i += 1) {
    const from = Math.floor(i * ratio);
    const to = Math.max(from + 1, Math.floor((i + 1) * ratio));
    let sum = 0;
    for (let j = from; j < to; j += 1) sum += pcm.samples[j] ?? 0;
    out[i] = Math.round(sum / (to - from));
  }
  return out;
}

const BIAS = 0x84;
const CLIP = 32635;

/** G.711 μ-law of one 16-bit sample. */
export function muLaw(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(sample), CLIP) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = sign | (exponent << 4) | mantissa;
  return ~magnitude & 0xff;
}

/** A WAV file of 8-bit μ-law mono samples at `rate`. */
export function muLawWav(samples: Int16Array, rate = 8000): Buffer {
  const data = Buffer.alloc(samples.length);
  for (let i = 0; i < samples.length; i += 1) data[i] = muLaw(samples[i]!);
  const header = Buffer.alloc(46);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(38 + data.length + (data.length % 2), 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(18, 16); // fmt chunk size (non-PCM formats carry cbSize)
  header.writeUInt16LE(7, 20); // WAVE_FORMAT_MULAW
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes per second
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.writeUInt16LE(0, 36); // cbSize
  header.write('data', 38, 'ascii');
  header.writeUInt32LE(data.length, 42);
  return Buffer.concat([header, data, Buffer.alloc(data.length % 2)]);
}

/** The format of a μ-law WAV as Connect needs it, or why not. */
export function describeWav(wav: Buffer): {
  format: number;
  channels: number;
  rate: number;
  bits: number;
  seconds: number;
} {
  const format = wav.readUInt16LE(20);
  const channels = wav.readUInt16LE(22);
  const rate = wav.readUInt32LE(24);
  const bits = wav.readUInt16LE(34);
  const dataSize = wav.readUInt32LE(42);
  return { format, channels, rate, bits, seconds: dataSize / (rate * (bits / 8) * channels) };
}
