import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cutShort, fileDigest } from '../../src/checks/media';
import { readCopyFacts } from '../../src/markdown/copy-facts';
import { markdownPipeline } from '../../src/markdown/pipeline';
import { testAnimation } from '../../scripts/lib/test-photos';
import { TMP } from '../support/paths';

const processor = await createMarkdownProcessor(markdownPipeline());
const render = async (markdown: string) => {
  const { code, metadata } = await processor.render(markdown, { frontmatter: {} });
  const facts = readCopyFacts(metadata);
  return { html: code.replace(/\n/g, ''), files: facts.mediaSources, notices: facts.notices.map((notice) => notice.message) };
};

describe('<audio> and <video> in copy', () => {
  it.each([
    // Controls, never autoplay; the file's details only until played; a link to the file at the end.
    ['<audio src="./talk.mp3" autoplay></audio>', '<p><audio src="./talk.mp3" controls preload="metadata"><a href="./talk.mp3">Listen to the audio file</a></audio></p>', ['./talk.mp3'], []],
    // A file on another host loads nothing until played.
    ['<audio src="https://cdn.example/talk.mp3"></audio>', '<p><audio src="https://cdn.example/talk.mp3" controls preload="none"><a href="https://cdn.example/talk.mp3" rel="external noopener">Listen to the audio file</a></audio></p>', [], []],
    // A media fragment stays on the address; the file is the one without it.
    ['<video src="./clip.mp4#t=10"></video>', '<p><video src="./clip.mp4#t=10" controls preload="metadata"><a href="./clip.mp4#t=10">Watch the video file</a></video></p>', ['./clip.mp4'], []],
    // Addresses no reader can load go, with a notice; a player left with nothing to play is not shown.
    ['<video src="C:\\media\\clip.mp4"></video>', '', [], ['<video> src "C:\\media\\clip.mp4" is not kept: expected a file beside the article or an https address', '<video> with no file it can play is not shown']],
    ['<audio src="http://radio.example.org/live.mp3"></audio>', '', [], ['<audio> src "http://radio.example.org/live.mp3" is not kept: expected a file beside the article or an https address', '<audio> with no file it can play is not shown']],
    ['<video src="file:///etc/hosts"></video>', '', [], ['<video> src "file:///etc/hosts" is not kept: expected a file beside the article or an https address', '<video> with no file it can play is not shown']],
    ['<video><source type="video/mp4"></video>', '', [], ['<video> with no file it can play is not shown']],
    // A player cannot sit in a link: it moves out after it, and the emptied link goes.
    ['<a href="https://example.org/story"><video src="./clip.mp4"></video></a>', '<p><video src="./clip.mp4" controls preload="metadata"><a href="./clip.mp4">Watch the video file</a></video></p>', ['./clip.mp4'], []],
  ])('%s', async (markdown, html, files, notices) => {
    const rendered = await render(markdown);
    expect(rendered.html).toBe(html);
    expect(rendered.files).toEqual(files);
    expect(rendered.notices).toEqual(notices);
  });
});

describe('cutShort (pictures that end before their end marker)', () => {
  const dir = join(TMP, 'cut-short');
  mkdirSync(dir, { recursive: true });
  it.each([
    ['gif', () => testAnimation('gif', 64, 36, 20)],
    ['webp', () => testAnimation('webp', 64, 36, 20)],
    ['png', () => sharp({ create: { width: 64, height: 36, channels: 3, background: '#888' } }).png().toBuffer()],
  ] as const)('finds a %s cut to 80%, and passes it whole', async (format, make) => {
    const whole = await make();
    writeFileSync(join(dir, `whole.${format}`), whole);
    writeFileSync(join(dir, `cut.${format}`), whole.subarray(0, Math.floor(whole.length * 0.8)));
    expect(cutShort(join(dir, `whole.${format}`))).toBe(false);
    expect(cutShort(join(dir, `cut.${format}`))).toBe(true);
  });
});

describe('fileDigest', () => {
  it('hashes a file past one read buffer as sha256sum would (base64url)', () => {
    const path = join(TMP, 'cut-short', 'big.bin');
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024 + 5, 7));
    // sha256 of 3,145,733 bytes of 0x07, from `head -c 3145733 /dev/zero | tr '\0' '\7' | sha256sum`.
    expect(Buffer.from(fileDigest(path), 'base64url').toString('hex')).toBe('017b6f47a7a2ec2d8f3c666e017e2328d3541e1c7ec04d43360e9976e850c20d');
  });
});
