// Preloaded into a benchmarked build (NODE_OPTIONS=--import): writes the Node process's own peak
// resident memory, in KB, to BENCH_RSS_FILE when it exits. GNU time reports the peak of the
// whole process tree, which includes Pagefind's indexer; this tells the two apart.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
