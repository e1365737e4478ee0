import { ARTICLE_TYPE_NAMES, isPaid, type ArticleType } from '../model/article-types.ts';
import { likelyMeant } from '../schemas/messages.ts';

/**
 * What to tell an editor whose `type` names no kind of piece (src/model/article-types.ts
 * `findType` found none): the kinds there are, and the likeliest one meant.
 */
export function typeProblem(typed: string): string {
  const likely = likelyMeant(typed, ARTICLE_TYPE_NAMES);
  return `expected one of the types ${ARTICLE_TYPE_NAMES.join(', ')}, found "${typed}"${likely ? ` (did you mean "${likely}"?)` : ''}`;
}

/**
 * What an editor is told of paid content marked `prominence`: it is published, but never leads the
 * front page nor stands among its top stories (src/model/front.ts), so the mark does nothing. A
 * notice, not a problem: `npm run check` and the build say it, and the build goes on. Undefined
 * for anything else.
 */
export function paidProminenceNotice(data: { type: ArticleType; prominence?: string | undefined }): { field: string; message: string } | undefined {
  if (!isPaid(data.type) || data.prominence === undefined) return undefined;
  return { field: 'prominence', message: `paid content never leads the front page or stands among its top stories, so "${data.prominence}" is not followed: it is listed in its section's row` };
}
