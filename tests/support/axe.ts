import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright';

/** The rules every page is held to: WCAG 2.0 to 2.2, levels A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * What axe finds wrong with the page `page` shows, one line a rule: `rule-id: target, target`
 * ([] when nothing). Pages of one browser may be checked side by side (it.concurrent): each
 * renders in a process of its own, and a run of axe is mostly that process's work.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
