import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalogue } from '../../catalogue';
import { cacheKey } from '../../model/cache-keys';
import type { MediaFile } from '../../model/media';
import { mediaParam } from '../../model/urls';

/** Publishes each article's original pictures at /media/<slug>/<file>, for feed enclosures. */
export const getStaticPaths = (async () => {
  const { articles } = await loadCatalogue();
  // One file may be written several ways in one article (`harbour%20map.png`, `<harbour map.png>`):
  // it is published once.
  return articles.flatMap((article) =>
    [...new Map(article.media.map((picture) => [picture.name, picture])).values()].map((picture) => ({
      params: { file: mediaParam(article.slug, picture.name) },
      props: { picture },
      cacheKey: cacheKey('media', picture.type, picture.digest),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { picture } = props as { picture: MediaFile };
  return new Response(await readFile(picture.fsPath), { headers: { 'Content-Type': picture.type } });
};
