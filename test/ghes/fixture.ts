import { readFileSync } from 'node:fs';

/** Reads a seed-shaped GHES response body from `fixtures/`. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
}
