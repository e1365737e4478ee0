import type { APIRoute } from 'astro';
import { atomResponse } from '../../feeds/atom';
import { correctionsChannel, correctionsFeedContent } from '../../feeds/channels';
import { loadCatalogue } from '../../catalogue';
import { paths } from '../../model/urls';
import { SITE } from '../../site';

/** The corrections log's Atom feed: every correction and clarification, newest first. */
export const GET: APIRoute = async ({ site }) =>
  atomResponse(correctionsChannel(correctionsFeedContent((await loadCatalogue()).corrections), site!, paths.correctionsAtom()), SITE.title);
