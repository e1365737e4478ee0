import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { updatesChannel } from '../../../feeds/channels';
import { jsonFeedResponse } from '../../../feeds/json-feed';
import { liveStoryPaths } from '../../../feeds/live-paths';
import { paths } from '../../../model/urls';
import { SITE } from '../../../site';

/** A live story's updates as a JSON Feed, newest first: what its page's script polls (src/client/live.ts). */
export const getStaticPaths = (async () => liveStoryPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) =>
  jsonFeedResponse(updatesChannel(props.story, site!, paths.updatesJsonFeed(props.story.slug)), SITE.title);
