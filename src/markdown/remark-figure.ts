import type { Image, Root, RootContent } from 'mdast';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import type { ArticleFrontMatter } from '../schemas/article.ts';
import { frontmatterOf } from '../astro-internals.ts';
import { recordCopyProblem, type CopyProblem } from './copy-facts.ts';

/**
 * The figure fields of an article's front matter as the Markdown renderer receives them: the
 * schema's `image` as typed, before the schema fills its defaults (src/schemas/article.ts).
 */
export type FigureData = NonNullable<ArticleFrontMatter['image']>;

/** The classes the figure's elements carry, the only ones copy keeps (src/markdown/sanitize.ts). */
export const FIGURE_CLASSES = ['figure', 'figure--no-picture', 'figure-note', 'credit'] as const;

/** Words shown where a picture is credited but not available. */
export const MISSING_PICTURE_NOTE = 'Photograph not reproduced';

function isFigureData(value: unknown): value is FigureData {
  return typeof value === 'object' && value !== null && typeof (value as FigureData).caption === 'string';
}

/** The figure as a Markdown tree node, so an `src` goes through Astro's own image pipeline. */
export function figureNode(image: FigureData): RootContent {
  const caption: ElementContent[] = [{ type: 'text', value: image.caption.trim() }];
  if (image.credit) {
    caption.push({ type: 'text', value: ' ' }, h('span.credit', `(${image.credit.trim()})`));
  }
  const children: unknown[] = [];
  if (image.src) {
    children.push({ type: 'image', url: image.src, alt: image.alt ?? '' } satisfies Image);
  } else {
    children.push({
      type: 'figureNote',
      children: [],
      data: { hName: 'p', hProperties: { className: ['figure-note'] }, hChildren: [{ type: 'text', value: MISSING_PICTURE_NOTE }] },
    });
  }
  children.push({ type: 'figureCaption', children: [], data: { hName: 'figcaption', hChildren: caption } });
  return {
    type: 'figureBlock',
    children,
    data: { hName: 'figure', hProperties: { className: image.src ? ['figure'] : ['figure', 'figure--no-picture'] } },
  } as unknown as RootContent;
}

/**
 * Where a figure placed after `after` top-level paragraphs goes among the body's blocks, or why
 * it cannot go there. Shared by the plugin and the content check.
 */
export function figurePlace(tree: Root, after: number): { index: number } | { problem: CopyProblem } {
  let index = 0;
  let seen = 0;
  while (seen < after && index < tree.children.length) {
    if (tree.children[index]!.type === 'paragraph') seen += 1;
    index += 1;
  }
  if (seen < after) {
    return { problem: { field: 'image.afterParagraph', message: `expected at most ${seen} (the body's paragraph count), found ${after}` } };
  }
  return { index };
}

/**
 * Places the front matter's `image` in the body after `afterParagraph` top-level paragraphs
 * (0: before the first). Doing it here, not in a page component, keeps the figure where the
 * original report had it and puts the same figure in every feed that carries the body.
 */
export function remarkFigure() {
  return (tree: Root, file: VFile) => {
    const image = frontmatterOf(file)['image'];
    if (!isFigureData(image)) return;
    const place = figurePlace(tree, image.afterParagraph ?? 0);
    if ('problem' in place) {
      // Recorded, not thrown: Astro's content layer only logs a plugin's exception and carries
      // on; the build reads these and stops naming the file and field (src/checks/rendered.ts).
      recordCopyProblem(file, place.problem);
      return;
    }
    tree.children.splice(place.index, 0, figureNode(image));
  };
}
