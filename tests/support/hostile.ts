import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Fifty payloads that have broken real sites: script injection, event handlers, javascript:
 * and data: URLs, attribute and element break-outs, </script> inside JSON, XML-breaking
 * characters, Unicode bidi and invisible characters. Each sets window.__xss if it ever runs.
 */
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  `'"><svg onload=window.__xss=1>`,
  'javascript:window.__xss=1',
  '</script><script>window.__xss=1</script>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">link</a>',
  '<style>body{display:none}</style>',
  ']]><script>window.__xss=1</script>',
  '<!-- unterminated comment',
  '\u202Egnp.exe',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  "{{constructor.constructor('window.__xss=1')()}}",
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<form action=javascript:window.__xss=1><button>go</button></form>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==',
  '<svg><script>window.__xss=1</script></svg>',
  '<img src="x" style="background:url(javascript:window.__xss=1)">',
  '<a href="&#106;avascript:window.__xss=1">entity</a>',
  '<input autofocus onfocus=window.__xss=1>',
  '<video><source onerror=window.__xss=1></video>',
  '<body onload=window.__xss=1>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>',
  '<template><script>window.__xss=1</script></template>',
  'line\u2028separator\u2029paragraph',
  'x" onmouseover="window.__xss=1',
  "'; window.__xss=1; '",
  '--><script>window.__xss=1</script>',
  '<![CDATA[<script>window.__xss=1</script>]]>',
  '<?xml version="1.0"?><script>window.__xss=1</script>',
  'bell\u0007 escape\u001b null\u0000 end',
  'zero\u200bwidth\ufeffbom',
  '<img src=x:alert(1) onerror=eval(src)>',
  '<a href=" javascript:window.__xss=1">spaced</a>',
  '<x onclick=window.__xss=1>click</x>',
  '<marquee onstart=window.__xss=1>m</marquee>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text>x</text></a></svg>',
  '<img srcset="x 1x, javascript:window.__xss=1 2x">',
  '🇺🇦 & 中国 <b>bold</b> & ampersand',
  '</title><script>window.__xss=1</script>',
  '</textarea><script>window.__xss=1</script>',
  '<a href="data:text/html,<script>window.__xss=1</script>">data</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
] as const;

/** YAML double-quoted scalar: JSON's escaping is valid YAML, control characters included. */
const yaml = (value: string) => JSON.stringify(value);

/**
 * Writes one article per payload into `dir`, the payload in every field that takes text and in
 * the body (as raw HTML and as a Markdown link), plus a picture caption and credit.
 */
/** The dateline a payload is given in the hostile corpus: short enough for the field, or too long and left out. */
export const datelineOf = (payload: string) => `D ${payload}`;

/** How many payloads each of the publication's pages in the hostile corpus carries: ten pages hold all fifty. */
export const PAYLOADS_PER_PAGE = 5;

/** The payloads page `n` (from 1) of `writeHostilePages` carries, in its title, description and body. */
export const pagePayloads = (n: number) => PAYLOADS.slice((n - 1) * PAYLOADS_PER_PAGE, n * PAYLOADS_PER_PAGE);

/**
 * Writes one Markdown file per group of payloads (`pagePayloads`: five each, every payload in one
 * of them) into `dir`, emptied first: `front(n, payloads)` gives file n's front-matter lines,
 * `word` names the file (`page-01.md`) and leads each body paragraph. Returns how many it wrote.
 */
function writePayloadFiles(dir: string, word: string, front: (n: number, payloads: readonly string[]) => string[]): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const count = Math.ceil(PAYLOADS.length / PAYLOADS_PER_PAGE);
  for (let n = 1; n <= count; n += 1) {
    const payloads = pagePayloads(n);
    const body = payloads.flatMap((payload) => [`${word[0]!.toUpperCase()}${word.slice(1)} before ${payload} and after.`, '', payload, '']);
    writeFileSync(join(dir, `${word}-${String(n).padStart(2, '0')}.md`), ['---', ...front(n, payloads), '---', '', ...body].join('\n'));
  }
  return count;
}

/**
 * Writes the publication's pages into `dir` (emptied first), every payload in one of them
 * (`pagePayloads`): in its title, its description and its body, as `writeHostileCorpus` puts each
 * in an article. Returns how many pages it wrote.
 */
export function writeHostilePages(dir: string): number {
  return writePayloadFiles(dir, 'page', (n, payloads) => [
    `title: ${yaml(`Page ${n} ${payloads.join(' ')}`)}`,
    `description: ${yaml(`Description ${payloads.join(' ')}`)}`,
    ...(n === 1 ? ['role: ethics'] : []),
  ]);
}

/** The live story of the hostile corpus (`writeHostileCorpus` marks it live). */
export const HOSTILE_STORY = 'hostile-01';

/**
 * Writes updates to HOSTILE_STORY into `dir` (emptied first), every payload in one of them
 * (`pagePayloads`: five each): in its title, its byline and its body. Returns how many it wrote.
 */
export function writeHostileUpdates(dir: string): number {
  return writePayloadFiles(dir, 'update', (n, payloads) => [
    `story: ${HOSTILE_STORY}`,
    `published: 2024-05-01T12:${String(n).padStart(2, '0')}:00Z`,
    `title: ${yaml(`Update ${n} ${payloads.join(' ')}`)}`,
    `byline: [${yaml(`Reporter ${payloads[0]}`)}]`,
    ...(n % 2 === 0 ? ['key: true'] : []),
  ]);
}

export function writeHostileCorpus(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  PAYLOADS.forEach((payload, index) => {
    const n = String(index + 1).padStart(2, '0');
    const front = [
      '---',
      `title: ${yaml(`Hostile ${n} ${payload}`)}`,
      `standfirst: ${yaml(`Standfirst ${payload}`)}`,
      `published: 2024-05-${String((index % 28) + 1).padStart(2, '0')}`,
      `section: World`,
      // The first is a live story (issue 24): writeHostileUpdates gives it every payload in updates.
      ...(index === 0 ? ['live: true'] : []),
      // The dateline (issue 23), where the payload fits its 60 characters.
      ...([...datelineOf(payload)].length <= 60 ? [`dateline: ${yaml(datelineOf(payload))}`] : []),
      `tags: [${yaml(`Tag ${n} ${payload}`)}, "Hostile"]`,
      `byline: [${yaml(`Writer ${payload}`)}]`,
      'source:',
      `  name: ${yaml(`Wire ${payload}`)}`,
      `  url: ${yaml(`https://wire.example.com/story?q=${encodeURIComponent(payload)}`)}`,
      'image:',
      `  caption: ${yaml(`Caption ${payload}`)}`,
      `  credit: ${yaml(`Credit ${payload}`)}`,
      '  afterParagraph: 1',
      '---',
      '',
      `Copy before ${payload} and after.`,
      '',
      payload,
      '',
      `[A link](${payload.replace(/[()\s]/g, '')}) and \`${payload.replace(/`/g, '')}\` in code.`,
      '',
    ].join('\n');
    writeFileSync(join(dir, `hostile-${n}.md`), front);
  });
}

