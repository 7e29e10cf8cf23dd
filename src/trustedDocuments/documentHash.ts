import { createHash } from 'node:crypto';

/** A document's id in a trusted documents manifest: the SHA-256 of its exact text, in lower-case hex. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
