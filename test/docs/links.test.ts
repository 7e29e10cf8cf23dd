import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/schema/createSchema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const textOf = (page: string): string => readFileSync(join(root, page), 'utf8');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings (outside code blocks). */
function anchorsOf(text: string): Set<string> {
  const prose = text.replace(/```[\s\S]*?```/g, '');
  return new Set([...prose.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1] as string)));
}

/** Every relative link of a page, outside code blocks: `[text](target)` and images. */
function linksOf(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] as string).filter((target) => !/^[a-z]+:/.test(target));
}

describe('the README and docs/', () => {
  it('has the guide pages it links to', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/api.md', 'docs/settings.md', 'docs/operations.md', 'docs/performance.md', 'docs/architecture.md', 'docs/live-updates.md']));
  });

  it.each(pages)('%s: every relative link reaches a file, and every anchor a heading of it', (page) => {
    const broken: string[] = [];
    for (const target of linksOf(textOf(page))) {
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? page : relative(root, join(root, dirname(page), path));
      if (!existsSync(join(root, file))) broken.push(`${target}: no file ${file}`);
      else if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(textOf(file)).has(anchor)) broken.push(`${target}: no heading #${anchor} in ${file}`);
    }
    expect(broken).toEqual([]);
  });

  it.each(pages)('%s: every GraphQL block is valid against the schema', (page) => {
    const schema = createSchema();
    const blocks = [...textOf(page).matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] as string);
    for (const block of blocks) expect(validate(schema, parse(block)).map((error) => error.message), block.split('\n')[0]).toEqual([]);
  });
});
