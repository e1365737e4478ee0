import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** The seed article exactly as received (tests/fixtures is a verbatim copy of shared/seed). */
export const SEED_TEXT = readFileSync(join(ROOT, 'tests/fixtures/stoltenberg-article.txt'), 'utf8');

const lines = SEED_TEXT.split('\n').filter((line) => line.trim() !== '');

/** The comment box's last line: page furniture, never article text. */
export const COMMENT_BOX_LINE = lines.at(-1)!;
/** The headline: the file's first line. */
export const HEADLINE = lines[0]!;
/** Every paragraph a reader must get, in order: everything but the headline and the comment-box line. */
export const PARAGRAPHS = lines.slice(1, -1);
/** The photo caption with its credit. */
export const CAPTION = PARAGRAPHS.find((p) => p.startsWith('NATO Secretary General Jens Stoltenberg speaks'))!;
/** The two paragraphs of Stoltenberg's answer: one block quotation. */
export const QUOTE = [
  PARAGRAPHS.find((p) => p.startsWith('I think there’s this idea'))!,
  PARAGRAPHS.find((p) => p.startsWith('If President Putin prevails'))!,
];
export const ORIGINAL_URL =
  'https://www.breitbart.com/asia/2024/06/18/nato-chief-west-should-impose-a-cost-on-china-for-supporting-russia/';
export const ARTICLE_PATH = '/articles/nato-chief-west-should-impose-a-cost-on-china/';
