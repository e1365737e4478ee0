import { AsyncLocalStorage } from 'node:async_hooks';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';
import { finishesPageLine } from '../astro-internals.ts';

/** A line one task began (`newLine: false`) and has not finished yet. */
interface BegunLine {
  event: AstroLoggerMessage;
  open: boolean;
}

/**
 * Wraps a log destination so a line written in two parts is written whole, with its own ending.
 * Astro logs each page of a build in two parts, before and after rendering it; with
 * `build.concurrency` > 1 other pages begin in between, and a plain destination ran several pages
 * into one line and gave their times to the wrong pages. Here each begun line waits for the rest
 * from the task that began it (the async context, carried by AsyncLocalStorage), so a line shows
 * when its page is done. A task writing anything else first, an error from anywhere, or the end of
 * the log writes the begun lines as they are.
 */
export function wholeLines(destination: AstroLoggerDestination): AstroLoggerDestination {
  const task = new AsyncLocalStorage<BegunLine>();
  const begun = new Set<BegunLine>();
  const finish = (line: BegunLine, rest = '') => {
    begun.delete(line);
    line.open = false;
    destination.write({ ...line.event, message: line.event.message + rest, newLine: true });
  };
  const flushAll = () => {
    for (const line of [...begun]) finish(line);
  };
  return {
    write(event) {
      if (!event.newLine) {
        // Not finishing the task's last line: tasks begun from one synchronous run share it.
        const line = { event, open: true };
        begun.add(line);
        task.enterWith(line);
        return;
      }
      const line = task.getStore();
      if (line?.open) {
        if (finishesPageLine(line.event, event)) return finish(line, event.message);
        finish(line);
      }
      // An error may end the build: every page under way is shown first.
      if (event.level === 'error') flushAll();
      destination.write(event);
    },
    flush() {
      flushAll();
      return destination.flush?.();
    },
    close() {
      flushAll();
      return destination.close?.();
    },
  };
}

/**
 * The build's logger (astro.config.mjs `logger`, Astro's Logger API): Astro's own console output
 * (`astro/logger/node`, same options), with lines kept whole.
 */
export default function buildLog(options?: Parameters<typeof nodeDestination>[0]): AstroLoggerDestination {
  return wholeLines(nodeDestination(options));
}
