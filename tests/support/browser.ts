import { chromium, type Browser } from 'playwright';
import { inject } from 'vitest';

/**
 * A connection to the Chromium the e2e run starts once (tests/e2e/global-setup.ts): a test file
 * opens its contexts on it instead of starting a browser of its own (about 1.4 s of a core each,
 * thirteen files). Its `close()` closes this file's contexts and leaves the browser running.
 */
export function testBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}
