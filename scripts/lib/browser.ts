import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright';
import { chromiumPath, inheritedEnvironment } from '../../src/env.ts';

/** Debian's Chromium: Playwright's own browser download cannot reach its host here. */
export const CHROMIUM = chromiumPath();

// Without the background-networking flags Chromium keeps dialling out on a closed network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Installs Debian's chromium when it is missing (needs root and the Debian mirrors). */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.log(`[e2e] ${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...inheritedEnvironment(), DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!existsSync(CHROMIUM)) throw new Error(`chromium installed, but ${CHROMIUM} still does not exist`);
}

/** Debian's Chromium, headless, for this process alone. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * The same Chromium, started once for several processes to connect to (Playwright's
 * `launchServer`, its address `wsEndpoint()`): each connection's contexts are its own, and closing
 * a connected browser closes only them.
 */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
