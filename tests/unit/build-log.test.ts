import { setTimeout as sleep } from 'node:timers/promises';
import type { AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { PAGE_LOG_ENTRY, PAGE_RESTORED } from '../../src/astro-internals';
import { wholeLines } from '../../src/integrations/build-log';

/** A destination that keeps what reaches it, as the lines a console would show. */
function recorder() {
  let text = '';
  const destination = wholeLines({
    write: (event) => {
      text += `${event.label && event.label !== 'SKIP_FORMAT' ? `[${event.label}] ` : ''}${event.message}${event.newLine ? '\n' : ''}`;
    },
  });
  return { destination, lines: () => text.split('\n').slice(0, -1) };
}

const begin = (path: string): AstroLoggerMessage => ({ label: null, level: 'info', message: `  ${PAGE_LOG_ENTRY}${path}`, newLine: false });
const end = (rest: string): AstroLoggerMessage => ({ label: 'SKIP_FORMAT', level: 'info', message: ` ${rest}`, newLine: true });

/**
 * One page as Astro's build logs it: begun, then (after `renderMs`, or at once when copied from
 * the last build) finished by the same task.
 */
async function page(destination: ReturnType<typeof recorder>['destination'], path: string, renderMs: number | 'restored'): Promise<void> {
  destination.write(begin(path));
  if (renderMs === 'restored') return destination.write(end(PAGE_RESTORED.trim()));
  await sleep(renderMs);
  destination.write(end(`(${renderMs}ms)`));
}

describe('wholeLines: each page of a concurrent build on its own line, with its own ending', () => {
  it.each([
    ['four rendered at once, finishing in another order', [['/a', 40], ['/b', 10], ['/c', 30], ['/d', 20]], ['/b (10ms)', '/d (20ms)', '/c (30ms)', '/a (40ms)']],
    ['copied pages among rendered ones', [['/a', 20], ['/b', 'restored'], ['/c', 10], ['/d', 'restored']], [`/b${PAGE_RESTORED}`, `/d${PAGE_RESTORED}`, '/c (10ms)', '/a (20ms)']],
    ['one page alone', [['/a', 5]], ['/a (5ms)']],
  ] as const)('%s', async (_case, pages, expected) => {
    const log = recorder();
    await Promise.all(pages.map(([path, ms]) => page(log.destination, path, ms)));
    expect(log.lines()).toEqual(expected.map((line) => `  ${PAGE_LOG_ENTRY}${line}`));
  });

  it('passes whole lines through as they come', () => {
    const log = recorder();
    log.destination.write({ label: 'build', level: 'info', message: 'Building static entrypoints...', newLine: true });
    log.destination.write({ label: 'SKIP_FORMAT', level: 'info', message: 'generating static routes', newLine: true });
    expect(log.lines()).toEqual(['[build] Building static entrypoints...', 'generating static routes']);
  });

  it('writes a begun line as it is when its task writes something else first', async () => {
    const log = recorder();
    await (async () => {
      log.destination.write(begin('/a'));
      await sleep(1);
      log.destination.write({ label: 'build', level: 'warn', message: 'a warning while rendering /a', newLine: true });
    })();
    expect(log.lines()).toEqual([`  ${PAGE_LOG_ENTRY}/a`, '[build] a warning while rendering /a']);
  });

  it('shows every page under way before an error', async () => {
    const log = recorder();
    const pending = page(log.destination, '/slow', 50);
    await sleep(1);
    log.destination.write({ label: 'build', level: 'error', message: 'Caught error rendering /other', newLine: true });
    expect(log.lines()).toEqual([`  ${PAGE_LOG_ENTRY}/slow`, '[build] Caught error rendering /other']);
    await pending;
  });

  it('writes begun lines when flushed', () => {
    const log = recorder();
    log.destination.write(begin('/a'));
    expect(log.lines()).toEqual([]);
    log.destination.flush?.();
    expect(log.lines()).toEqual([`  ${PAGE_LOG_ENTRY}/a`]);
  });
});
