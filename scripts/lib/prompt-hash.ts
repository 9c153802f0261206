import { createHash } from 'node:crypto';

/** The fingerprint of a prompt's text, kept beside its recording to tell a stale one. */
export const promptHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
