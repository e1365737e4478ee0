import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright';

/** The rules every page is held to: WCAG 2.0 to 2.2, levels A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The rules that read colours: all a second colour scheme can change. The schemes differ in CSS
 * colours alone (`light-dark()` under `color-scheme`, src/styles/tokens.css) over the same HTML,
 * so the page's structure is checked once, in the light scheme.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * What axe finds wrong with the page `page` shows, one line a rule: `rule-id: target, target`
 * ([] when nothing): every rule of AXE_TAGS in the light scheme, and COLOUR_RULES in the dark.
 * Pages of one browser may be checked side by side (it.concurrent): each renders in a process of
 * its own, and a run of axe is mostly that process's work.
 */
export async function axeViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const { violations } = await (colorScheme === 'dark' ? axe.withRules(COLOUR_RULES) : axe.withTags(AXE_TAGS)).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
