import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { loadCatalogue } from '../../catalogue';
import { keyedPath } from '../../model/cache-keys';
import { mediaParam } from '../../model/urls';

/** Publishes each article's original pictures (and its live updates') at /media/<slug>/<file>, for feed enclosures. */
export const getStaticPaths = (async () => {
  const { articles } = await loadCatalogue();
  // One file may be written several ways in one article (`harbour%20map.png`, `<harbour map.png>`):
  // it is published once.
  return articles.flatMap((article) =>
    // The file is read from its path, but what the page shows is its bytes and type.
    [...new Map([...article.media, ...(article.coverage?.updates.flatMap((update) => update.media) ?? [])].map((picture) => [picture.name, picture])).values()].map(({ name, fsPath, type, digest }) =>
      keyedPath({ file: mediaParam(article.slug, name) }, { picture: { fsPath, type, digest } }),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props: { picture } }) => {
  return new Response(await readFile(picture.fsPath), { headers: { 'Content-Type': picture.type } });
};
