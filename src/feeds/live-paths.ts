import { loadCatalogue } from '../catalogue';
import { keyedPath } from '../model/cache-keys';
import type { Coverage } from '../model/live';
import { updatesFeedContent } from './channels';

/** The static paths of a live story's two update feeds: one per story with coverage (live now, or once), keyed by what the feeds show. */
export async function liveStoryPaths() {
  const { articles } = await loadCatalogue();
  return articles.flatMap((article) =>
    article.coverage ? [keyedPath({ slug: article.slug }, { story: updatesFeedContent(article as typeof article & { coverage: Coverage }) })] : [],
  );
}
