import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { updatesChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import { liveStoryPaths } from '../../../feeds/live-paths';
import { paths } from '../../../model/urls';

/** A live story's updates as RSS, newest first: for readers who follow the story in a feed reader. */
export const getStaticPaths = (async () => liveStoryPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => rssResponse(updatesChannel(props.story, site!, paths.updatesRss(props.story.slug)));
