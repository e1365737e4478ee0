import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalogue } from '../../model/collection';
import type { MediaFile } from '../../model/media';

/** Publishes each article's original pictures at /media/<slug>/<file>, for feed enclosures. */
export const getStaticPaths = (async () => {
  const { articles } = await loadCatalogue();
  return articles.flatMap((article) =>
    article.media.map((picture) => ({ params: { file: `${article.slug}/${picture.name}` }, props: { picture } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { picture } = props as { picture: MediaFile };
  return new Response(await readFile(picture.fsPath), { headers: { 'Content-Type': picture.type } });
};
