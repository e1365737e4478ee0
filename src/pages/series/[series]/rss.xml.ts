import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { seriesChannel, seriesFeedContent } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import { loadCatalogue } from '../../../catalogue';
import { keyedPath } from '../../../model/cache-keys';
import { paths } from '../../../model/urls';

/** A series' RSS feed ("Follow this story"): its newest pieces first. */
export const getStaticPaths = (async () => (await loadCatalogue()).series.map((series) => keyedPath({ series: series.slug }, { series: seriesFeedContent(series) }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => rssResponse(seriesChannel(props.series, site!, paths.seriesRss(props.series.slug)));
