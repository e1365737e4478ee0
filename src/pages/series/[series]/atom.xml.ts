import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { atomResponse } from '../../../feeds/atom';
import { seriesChannel, seriesFeedContent } from '../../../feeds/channels';
import { loadCatalogue } from '../../../catalogue';
import { keyedPath } from '../../../model/cache-keys';
import { paths } from '../../../model/urls';
import { SITE } from '../../../site';

/** A series' Atom feed ("Follow this story"): its newest pieces first. */
export const getStaticPaths = (async () => (await loadCatalogue()).series.map((series) => keyedPath({ series: series.slug }, { series: seriesFeedContent(series) }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) =>
  atomResponse(seriesChannel(props.series, site!, paths.seriesAtom(props.series.slug)), SITE.title);
