import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { aptInstall } from './apt.js';

/** Debian's Chromium; no browser is ever downloaded. */
export const chromiumPath = '/usr/bin/chromium';

/** Installs Debian's `chromium` package when it is missing. */
export function ensureChromium(): string {
  if (existsSync(chromiumPath)) return chromiumPath;
  aptInstall('chromium');
  if (!existsSync(chromiumPath)) throw new Error('chromium could not be installed');
  return chromiumPath;
}

/** A headless Chromium with a fresh profile; `close` removes the profile too. */
export interface HeadlessChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium on a fresh user-data-dir with everything that
 * would reach the network switched off: the machine is offline, and without
 * these flags Chromium stalls on its own background connections.
 */
export async function launchChromium(): Promise<HeadlessChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'switchyard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
