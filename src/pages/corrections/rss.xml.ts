import type { APIRoute } from 'astro';
import { correctionsChannel, correctionsFeedContent } from '../../feeds/channels';
import { rssResponse } from '../../feeds/rss';
import { loadCatalogue } from '../../catalogue';
import { paths } from '../../model/urls';

/** The corrections log's RSS feed: every correction and clarification, newest first. */
export const GET: APIRoute = async ({ site }) => rssResponse(correctionsChannel(correctionsFeedContent((await loadCatalogue()).corrections), site!, paths.correctionsRss()));
