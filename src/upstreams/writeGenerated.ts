import { readFileSync, writeFileSync } from 'node:fs';

/** A generated file: where it goes, its text, and the command that writes it. */
export interface GeneratedFile {
  /** Absolute path. */
  readonly path: string;
  /** As shown in a message (relative to the repository). */
  readonly name: string;
  readonly text: string;
  /** The npm script that writes it, named when it is stale. */
  readonly script: string;
}

/**
 * Writes each generated file, or with `check` writes nothing and tells on
 * stderr which committed ones differ from their text (a missing one too).
 * Returns whether all were current (always true when writing).
 */
export function writeGenerated(files: readonly GeneratedFile[], check: boolean): boolean {
  let current = true;
  for (const file of files) {
    if (!check) {
      writeFileSync(file.path, file.text);
      continue;
    }
    let committed: string | undefined;
    try {
      committed = readFileSync(file.path, 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed === file.text) continue;
    process.stderr.write(`${file.name} is stale: run \`npm run ${file.script}\`\n`);
    current = false;
  }
  return current;
}
