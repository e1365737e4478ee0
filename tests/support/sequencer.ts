import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { relative } from 'node:path';
import { ROOT } from './paths.ts';

/**
 * The files that take longest, longest first. Vitest orders a run by the durations it cached last
 * time, or, on a fresh clone (as CI runs), by file size; either way a long file may start late and
 * run on alone at the end while the other core idles. Listed by hand, as no clone knows its
 * durations before its first run (tests/unit/sequencer.test.ts checks that each still exists).
 */
export const LONGEST_FIRST = ['tests/e2e/incremental.test.ts', 'tests/e2e/types.test.ts', 'tests/e2e/lead-photos.test.ts', 'tests/e2e/newsroom.test.ts'];

/** Vitest's order, with LONGEST_FIRST moved to the front in that order. */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const path = (spec: TestSpecification) => relative(ROOT, spec.moduleId);
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(path(spec));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    return sorted.map((spec, order) => ({ spec, order })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order).map(({ spec }) => spec);
  }
}
