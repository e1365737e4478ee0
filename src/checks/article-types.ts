import { ARTICLE_TYPE_NAMES } from '../model/article-types.ts';
import { likelyMeant } from '../schemas/messages.ts';

/**
 * What to tell an editor whose `type` names no kind of piece (src/model/article-types.ts
 * `findType` found none): the kinds there are, and the likeliest one meant.
 */
export function typeProblem(typed: string): string {
  const likely = likelyMeant(typed, ARTICLE_TYPE_NAMES);
  return `expected one of the types ${ARTICLE_TYPE_NAMES.join(', ')}, found "${typed}"${likely ? ` (did you mean "${likely}"?)` : ''}`;
}
