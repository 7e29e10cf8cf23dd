import type { Page, Request } from 'playwright-core';

/** Hosts the explorer may talk to: the gateway on loopback, nothing else. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Every URL the page asked for, and those that left the machine. */
export function recordRequests(page: Page): { all: string[]; offLoopback(): string[] } {
  const all: string[] = [];
  page.on('request', (request: Request) => all.push(request.url()));
  page.on('websocket', (socket) => all.push(socket.url()));
  return {
    all,
    offLoopback() {
      return all.filter((url) => {
        const parsed = new URL(url);
        if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
        return !loopbackHosts.has(parsed.hostname);
      });
    },
  };
}

/** The little of the DOM these helpers use inside the page (the test code itself is typed for Node). */
interface PageElement {
  readonly textContent: string | null;
  CodeMirror?: { getValue(): string; setValue(value: string): void };
}
interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
declare const document: PageDocument;

/** Waits until the element matched by the selector shows the text. */
export async function waitForText(page: Page, selector: string, text: string, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    ([sel, expected]) => document.querySelector(sel)?.textContent?.includes(expected) === true,
    [selector, text] as const,
    { timeout: timeoutMs },
  );
}

/** Waits for GraphiQL to render and load the schema. */
export async function waitForGraphiQL(page: Page): Promise<void> {
  await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30_000 });
}

/** Replaces the text of the query editor. */
export async function setQuery(page: Page, query: string): Promise<void> {
  await page.evaluate((text) => {
    const element = document.querySelector('.graphiql-query-editor .CodeMirror');
    if (element?.CodeMirror === undefined) throw new Error('No query editor');
    element.CodeMirror.setValue(text);
  }, query);
  // GraphiQL parses the editor's text after a 100 ms debounce; it picks HTTP or WebSocket from that parse.
  await new Promise((resolve) => setTimeout(resolve, 400));
}

/** The text of every CodeMirror editor on the page (query, variables, headers, response). */
export async function editorTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.CodeMirror')].map((element) => element.CodeMirror?.getValue() ?? ''),
  );
}

/** The text of the query editor of the active tab. */
export async function queryText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror?.getValue() ?? '');
}

/** The text shown in the result pane. */
export async function resultText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.querySelector('.result-window .CodeMirror');
    return element?.CodeMirror?.getValue() ?? '';
  });
}

/** Clicks the run button. */
export async function run(page: Page): Promise<void> {
  await page.click('.graphiql-execute-button');
}

/** Every URL an HTML page loads by itself (src and href attributes), but inline data. */
export function loadedUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1] as string).filter((url) => !url.startsWith('data:'));
}
