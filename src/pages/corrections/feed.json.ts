import type { APIRoute } from 'astro';
import { correctionsChannel, correctionsFeedContent } from '../../feeds/channels';
import { jsonFeedResponse } from '../../feeds/json-feed';
import { loadCatalogue } from '../../catalogue';
import { paths } from '../../model/urls';
import { SITE } from '../../site';

/** The corrections log's JSON Feed: every correction and clarification, newest first. */
export const GET: APIRoute = async ({ site }) =>
  jsonFeedResponse(correctionsChannel(correctionsFeedContent((await loadCatalogue()).corrections), site!, paths.correctionsJsonFeed()), SITE.title);
