import { describe, expect, it } from 'vitest';
import { plainDescription } from '../../src/upstreams/plainDescription.js';

describe('plainDescription', () => {
  it('reduces Markdown links to their text and ends the sentence', () => {
    expect(plainDescription('The [events](https://docs.github.com/webhooks) that trigger this webhook')).toBe('The events that trigger this webhook.');
  });

  it('removes HTML tags and comments but keeps text in angle brackets that is no tag', () => {
    expect(plainDescription('Use <code>pull/<number>/head</code> for the PR ref.<br>See <a href="x">the docs</a>. <!-- ReDoc-Inject: <x> -->')).toBe(
      'Use `pull/<number>/head` for the PR ref. See the docs.',
    );
  });

  it('joins the lines of a paragraph, keeps paragraphs and list items, drops bold marks and emoji', () => {
    expect(plainDescription('🧪 first line\n continues here.\n\nThe set is:\n\n* one\n* **two**\n')).toBe('First line continues here.\n\nThe set is:\n\n* one\n* two');
  });

  it('is null for no text', () => {
    expect(plainDescription(undefined)).toBeNull();
    expect(plainDescription('  \n ')).toBeNull();
    expect(plainDescription(42)).toBeNull();
  });
});
