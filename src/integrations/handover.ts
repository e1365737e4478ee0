/**
 * A value the catalogue hands to a build hook. Astro renders pages in the build's own process
 * (its default prerenderer imports the page bundle: astro/src/core/build/default-prerenderer.ts)
 * but from a bundle of its own, so module state is not shared: the value goes through one
 * process-wide slot, named so both copies of this module find it. Hooks in `astro:build:done` run
 * after every page, so the catalogue has loaded by then.
 */
export interface Handover<T> {
  /** Called by the catalogue once it has loaded. */
  give(value: T): void;
  /** Called by the hook. Throws when nothing was given: an output made without it would be wrong silently. */
  take(): T;
  /** Calls `listener` with the value as soon as it is given (at once if it already was), so a hook can start work during the render. */
  whenGiven(listener: (value: T) => void): void;
}

/** The hand-over named `name`; `what` says in an error what was missing (e.g. "sitemap dates"). */
export function handover<T>(name: string, what: string): Handover<T> {
  const slot = Symbol.for(`broadsheet.${name}`);
  const listening = Symbol.for(`broadsheet.${name}.listener`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const listeners = globalThis as unknown as Record<symbol, ((value: T) => void) | undefined>;
  return {
    give: (value) => {
      store[slot] = value;
      listeners[listening]?.(value);
    },
    take: () => {
      const value = store[slot];
      if (value === undefined) throw new Error(`${what}: the catalogue handed over nothing; was this written outside \`astro build\`?`);
      return value;
    },
    whenGiven: (listener) => {
      listeners[listening] = listener;
      const value = store[slot];
      if (value !== undefined) listener(value);
    },
  };
}
