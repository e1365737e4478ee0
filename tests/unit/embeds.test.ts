import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { readCopyFacts } from '../../src/markdown/copy-facts';
import { rawHtmlNotices, embedTitle, videoEmbed, watchLinkText } from '../../src/markdown/embeds';
import { markdownPipeline } from '../../src/markdown/pipeline';
import { parseMarkdown } from '../support/markdown';

const processor = await createMarkdownProcessor(markdownPipeline());
const render = (markdown: string) => processor.render(markdown, { frontmatter: {} });

const YT = { host: 'YouTube', player: 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ', page: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ' };
const VIMEO = { host: 'Vimeo', player: 'https://player.vimeo.com/video/76979871?dnt=1', page: 'https://vimeo.com/76979871' };
const DM = { host: 'Dailymotion', player: 'https://geo.dailymotion.com/player.html?video=x8m8jkb', page: 'https://www.dailymotion.com/video/x8m8jkb' };

describe('videoEmbed: every address form a host gives out → the one player and page', () => {
  it.each([
    // YouTube's default embed code (with its share-tracking `si`), the privacy-enhanced host, pages and short links.
    ['https://www.youtube.com/embed/aqz-KE-bpKQ?si=AbCdEfGhIjKlMnOp', YT],
    ['https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ', YT],
    ['https://youtube-nocookie.com/embed/aqz-KE-bpKQ?rel=0', YT],
    ['//www.youtube.com/embed/aqz-KE-bpKQ', YT],
    ['http://www.youtube.com/embed/aqz-KE-bpKQ', YT],
    ['https://www.youtube.com/watch?v=aqz-KE-bpKQ&feature=share', YT],
    ['https://m.youtube.com/watch?v=aqz-KE-bpKQ', YT],
    ['https://youtu.be/aqz-KE-bpKQ?si=x', YT],
    ['https://www.youtube.com/shorts/aqz-KE-bpKQ', YT],
    ['https://www.youtube.com/live/aqz-KE-bpKQ', YT],
    ['https://WWW.YOUTUBE.COM/embed/aqz-KE-bpKQ', YT],
    ['https://www.youtube.com/embed/aqz-KE-bpKQ?start=90', { ...YT, player: `${YT.player}?start=90`, page: `${YT.page}&t=90s` }],
    ['https://youtu.be/aqz-KE-bpKQ?t=1m30s', { ...YT, player: `${YT.player}?start=90`, page: `${YT.page}&t=90s` }],
    [
      'https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG',
      { host: 'YouTube', player: 'https://www.youtube-nocookie.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG', page: 'https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG' },
    ],
    // Vimeo's player and pages, an unlisted video's hash kept in both.
    ['https://player.vimeo.com/video/76979871', VIMEO],
    ['https://vimeo.com/76979871', VIMEO],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0&app_id=58479', { ...VIMEO, player: 'https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1', page: 'https://vimeo.com/76979871/8272103f6e' }],
    ['https://vimeo.com/76979871/8272103f6e', { ...VIMEO, player: 'https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1', page: 'https://vimeo.com/76979871/8272103f6e' }],
    // Dailymotion's current player (with or without a player id), former player, pages and short links.
    ['https://geo.dailymotion.com/player.html?video=x8m8jkb', DM],
    ['https://geo.dailymotion.com/player/xtv3w.html?video=x8m8jkb', DM],
    ['https://www.dailymotion.com/embed/video/x8m8jkb', DM],
    ['https://www.dailymotion.com/video/x8m8jkb_a-title-slug', DM],
    ['https://dai.ly/x8m8jkb', DM],
    // What else the address says is kept: a playlist, a start time, a channel's live stream.
    ['https://www.youtube.com/embed/aqz-KE-bpKQ?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&start=5', { ...YT, player: `${YT.player}?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&start=5`, page: `${YT.page}&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&t=5s` }],
    [
      'https://www.youtube.com/embed/live_stream?channel=UCoMdktPbSTixAyNGwb-UYkQ',
      { host: 'YouTube', player: 'https://www.youtube-nocookie.com/embed/live_stream?channel=UCoMdktPbSTixAyNGwb-UYkQ', page: 'https://www.youtube.com/channel/UCoMdktPbSTixAyNGwb-UYkQ/live' },
    ],
    ['https://player.vimeo.com/video/76979871#t=1m2s', { ...VIMEO, player: `${VIMEO.player}#t=62s`, page: `${VIMEO.page}#t=62s` }],
    ['https://www.dailymotion.com/embed/video/x8m8jkb?startTime=30', { ...DM, player: `${DM.player}&startTime=30`, page: `${DM.page}?start=30` }],
    ['https://geo.dailymotion.com/player.html?playlist=x6hynp', { host: 'Dailymotion', player: 'https://geo.dailymotion.com/player.html?playlist=x6hynp', page: 'https://www.dailymotion.com/playlist/x6hynp' }],
  ])('%s', (address, expected) => {
    expect(videoEmbed(address)).toEqual(expected);
  });

  it.each([
    'https://evil.example/embed/aqz-KE-bpKQ',
    'https://www.youtube.com.evil.example/embed/aqz-KE-bpKQ',
    'javascript:alert(1)',
    'ftp://www.youtube.com/embed/aqz-KE-bpKQ',
    'https://www.youtube.com/embed/short',
    'https://www.youtube.com/embed/aqz-KE-bpKQ"onload="x',
    'https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw',
    'https://www.youtube.com/embed/live_stream',
    'https://www.youtube.com/embed/videoseries',
    'https://vimeo.com/channels/staffpicks',
    'https://geo.dailymotion.com/player.html',
    'https://datawrapper.dwcdn.net/AbCdE/1/',
    'not an address',
  ])('%s is no video', (address) => {
    expect(videoEmbed(address)).toBeUndefined();
  });
});

describe('embedTitle and watchLinkText', () => {
  it.each([
    ['YouTube video player', undefined, 'Watch the video on YouTube'],
    ['vimeo-player', undefined, 'Watch the video on YouTube'],
    ['Dailymotion Video Player', undefined, 'Watch the video on YouTube'],
    ['', undefined, 'Watch the video on YouTube'],
    ['  The  minister’s statement ', 'The minister’s statement', 'Watch “The minister’s statement” on YouTube'],
  ])('%j', (title, kept, link) => {
    expect(embedTitle(title)).toBe(kept);
    expect(watchLinkText({ host: 'YouTube' }, embedTitle(title))).toBe(link);
  });
});

describe('embeds in rendered copy', () => {
  it.each([
    // YouTube's code inside a paragraph: the block moves out after the text, never inside a <p>.
    ['Before <iframe src="https://youtu.be/aqz-KE-bpKQ"></iframe> after', /^<p>Before  after<\/p><figure class="embed">/],
    // Dailymotion's script embed is its video.
    ['<script src="https://geo.dailymotion.com/player/xtv3w.js" data-video="x8m8jkb"></script>', /data-player="https:\/\/geo\.dailymotion\.com\/player\.html\?video=x8m8jkb"/],
    // Copy cannot write a block's data attributes itself: the sanitiser drops them.
    ['<div class="embed__frame" data-player="https://evil.example/">x</div>', /^<div>x<\/div>$/],
    ['<embed src="https://cdn.example/clip.swf">', /^<a href="https:\/\/cdn\.example\/clip\.swf" rel="external noopener">Embedded content from cdn\.example<\/a>$/],
    // An embed inside a link, emphasis or a heading moves out after it; an emptied link goes.
    ['[<iframe src="https://youtu.be/aqz-KE-bpKQ"></iframe>](https://example.org/)', /^<figure class="embed">/],
    ['*Watch <iframe src="https://youtu.be/aqz-KE-bpKQ"></iframe> now*', /^<p><em>Watch  now<\/em><\/p><figure class="embed">/],
    ['## Heading <iframe src="https://youtu.be/aqz-KE-bpKQ"></iframe>', /^<h2 id="heading">Heading<\/h2><figure class="embed">/],
    // A lazy-loading plugin's code: the address it moved aside, and its <noscript> copy goes.
    ['<iframe src="about:blank" data-lazy-src="https://www.youtube.com/embed/aqz-KE-bpKQ" title="Harbour fire"></iframe><noscript><iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ"></iframe></noscript>', /^<figure class="embed"><div class="embed__frame" data-player="https:\/\/www\.youtube-nocookie\.com\/embed\/aqz-KE-bpKQ" data-title="Harbour fire">.*<\/figure>$/],
    // YouTube's old embed code.
    ['<object width="425" height="350"><param name="movie" value="https://www.youtube.com/v/aqz-KE-bpKQ"></param><embed src="https://www.youtube.com/v/aqz-KE-bpKQ" type="application/x-shockwave-flash"></embed></object>', /^<figure class="embed">.*watch\?v=aqz-KE-bpKQ.*<\/figure>$/],
    ['<object data="https://cdn.example/map.svg"></object>', /^<p><a href="https:\/\/cdn\.example\/map\.svg" rel="external noopener">Embedded content from cdn\.example<\/a><\/p>$/],
  ])('%s', async (markdown, html) => {
    const { code } = await render(markdown);
    expect(code.replace(/\n/g, '')).toMatch(html);
  });

  it('names every embed and HTML picture it does not keep, and keeps quiet about the videos', async () => {
    const markdown = [
        '<iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ"></iframe>',
        '<iframe src="https://datawrapper.dwcdn.net/AbCdE/1/"></iframe>',
        '<blockquote class="twitter-tweet"><a href="https://twitter.com/x/status/1">Post</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>',
        '<script>document.write("x")</script>',
        'A picture written as HTML: <img src="./photo.jpg" alt="The harbour">',
      ].join('\n\n');
    const { metadata } = await render(markdown);
    // In the pipeline's order: pictures written as HTML are looked at before embeds.
    const expected = [
      { field: 'body', message: '<img src="./photo.jpg"> is not shown: a picture beside the article is written in Markdown, ![The harbour](./photo.jpg)' },
      { field: 'body', message: '<iframe> from datawrapper.dwcdn.net (https://datawrapper.dwcdn.net/AbCdE/1/) is not kept: the page shows a link to it instead' },
      { field: 'body', message: 'script from platform.twitter.com (https://platform.twitter.com/widgets.js) is not kept: it is not run' },
      { field: 'body', message: 'script without an address is not kept: its code is not run' },
    ];
    expect(readCopyFacts(metadata).notices).toEqual(expected);
    // `npm run check` names the same, from the Markdown alone.
    expect(rawHtmlNotices(parseMarkdown(markdown))).toEqual(expected);
  });
});
