/**
 * Memory of a whole process tree, sampled from /proc (Linux): what a build costs a CI runner,
 * every process counted. GNU time's `%M` is the peak of the largest single process, which misses
 * Pagefind's indexer running beside Astro.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Peak resident memory, in bytes: of the tree at any one moment, and of each kind of process. */
export interface TreeMemory {
  /** The highest sum of resident memory over every process of the tree at one sample. */
  total: number;
  /** The highest resident memory of one process, by its program's file name (`node`, `pagefind_extended`…). */
  byName: Record<string, number>;
}

interface Sample {
  pid: number;
  ppid: number;
  name: string;
  rss: number;
}

function processes(): Sample[] {
  const found: Sample[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The name is in parentheses and may hold spaces; the fields after it are space-separated.
      const close = stat.lastIndexOf(')');
      // The program's file name (Node 24 names its main thread, so `stat` says "MainThread"); the
      // thread name where the command line is empty (a process already exiting).
      const program = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0]?.split('/').pop();
      const name = program || stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // Fields from `state` (3rd in proc(5)): ppid is the 4th, rss (in pages) the 24th.
      found.push({ pid: Number(entry), ppid: Number(fields[1]), name, rss: Number(fields[21]) * PAGE_BYTES });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found;
}

/** Starts sampling the tree under `root` every `intervalMs`; `stop()` returns the peaks. */
export function watchTree(root: number, intervalMs = 100): { stop: () => TreeMemory } {
  const peak: TreeMemory = { total: 0, byName: {} };
  const sample = () => {
    const all = processes();
    const children = new Map<number, Sample[]>();
    for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
    const tree: Sample[] = [];
    const stack = all.filter((p) => p.pid === root);
    while (stack.length > 0) {
      const p = stack.pop()!;
      tree.push(p);
      stack.push(...(children.get(p.pid) ?? []));
    }
    const total = tree.reduce((sum, p) => sum + p.rss, 0);
    peak.total = Math.max(peak.total, total);
    for (const p of tree) peak.byName[p.name] = Math.max(peak.byName[p.name] ?? 0, p.rss);
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
