import { readFileSync } from 'node:fs';
import { readManifest } from '../trustedDocuments/readManifest.js';
import { ConfigError } from './ConfigError.js';

/** The environment variable naming the trusted documents manifest. */
export const trustedDocumentsSettingName = 'TRUSTED_DOCUMENTS';

/**
 * Reads the manifest `TRUSTED_DOCUMENTS` names, if set: the documents by
 * hash. Throws a {@link ConfigError} when the file cannot be read or is not
 * a manifest whose every hash is its document's.
 */
export function loadTrustedDocuments(env: Readonly<Record<string, string | undefined>>): ReadonlyMap<string, string> | undefined {
  const path = env[trustedDocumentsSettingName]?.trim();
  if (path === undefined || path === '') return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(trustedDocumentsSettingName, `cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return readManifest(text);
  } catch (error) {
    throw new ConfigError(trustedDocumentsSettingName, `"${path}": ${(error as Error).message}`);
  }
}
