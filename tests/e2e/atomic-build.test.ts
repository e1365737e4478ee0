import { spawn } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_STATE_IN_CACHE, pageLog } from '../../src/astro-internals';
import { besideOutput, PUBLISHING_MARK } from '../../src/integrations/working-copy';
import { npmBuild, readTree } from '../support/build';
import { ROOT, TMP } from '../support/paths';

// The site and cache the first test builds, which the tests after a build that did not finish go on from.
const dir = join(TMP, 'atomic');
const env = { BUILD_OUT: join(dir, 'dist'), CACHE_DIR: join(TMP, 'atomic-cache') };

describe('npm run build is atomic', () => {
  const out = env.BUILD_OUT;

  it('replaces the output only when the build succeeds; a failed build leaves the last good site', () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(env.CACHE_DIR, { recursive: true, force: true });
    const good = npmBuild(env);
    expect(good.status).toBe(0);
    expect(existsSync(join(out, 'articles/nato-chief-west-should-impose-a-cost-on-china/index.html'))).toBe(true);
    const before = readTree(out);

    const bad = npmBuild({ ...env, CONTENT_DIR: join(ROOT, 'tests/fixtures/broken') });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('left as it was');

    const after = readTree(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...before].filter(([path, bytes]) => !after.get(path)?.equals(bytes))).toEqual([]);
    // No half-built folder is left beside it.
    expect(readdirSync(join(TMP, 'atomic'))).toEqual(['dist']);
  });
});

describe('npm run build, run again', () => {
  it('copies every page from the last build (pictures, listings and addresses that are not ASCII included), byte for byte, and makes again what was changed in the site by hand', () => {
    const dir = join(TMP, 'atomic-again');
    rmSync(dir, { recursive: true, force: true });
    // The pictures corpus, and an article tagged "Zürich" (tags/zürich/).
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'tests/fixtures/corpora/pictures'), content, { recursive: true });
    copyFileSync(join(ROOT, 'tests/fixtures/corpora/real-copy/zurich-composed.md'), join(content, 'zurich-composed.md'));
    // Astro's astro:assets module embeds the output folder: a build folder named anew each time
    // changed the code hash of every page that shows a picture, and those were rendered again.
    const env = {
      BUILD_OUT: join(dir, 'dist'),
      CACHE_DIR: join(dir, 'cache'),
      CONTENT_DIR: content,
      BUILD_TIME: '2026-11-01T00:00:00Z',
    };
    expect(npmBuild(env).status).toBe(0);
    const first = readTree(env.BUILD_OUT);
    expect(first.has('tags/zürich/index.html')).toBe(true);
    // The site changed by hand meanwhile: a page edited, a folder where a file was. The build makes both again.
    appendFileSync(join(env.BUILD_OUT, 'articles/with-picture/index.html'), '<!-- edited on the server -->');
    rmSync(join(env.BUILD_OUT, 'robots.txt'));
    mkdirSync(join(env.BUILD_OUT, 'robots.txt'));
    const again = npmBuild(env);
    expect(again.status).toBe(0);
    const keyed = pageLog(again.output).filter((entry) => /^\/((articles|tags|sections)\/[^/]+\/)?index\.html$/.test(entry.path));
    expect(keyed.map((entry) => entry.path)).toEqual(
      expect.arrayContaining([
        '/articles/with-picture/index.html',
        '/index.html',
        '/tags/weather/index.html',
        '/tags/zürich/index.html',
      ]),
    );
    expect(keyed.filter((entry) => !entry.restored)).toEqual([]);
    const second = readTree(env.BUILD_OUT);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect([...first].filter(([path, bytes]) => !second.get(path)?.equals(bytes))).toEqual([]);
  }, 120_000);
});

// Going on from the site and cache of 'npm run build is atomic'.
describe('npm run build after a build that did not finish', () => {
  it('renders every page again when the last one stopped after Astro wrote its manifest but before its site was swapped in', () => {
    const mark = join(env.CACHE_DIR, PUBLISHING_MARK);
    // The build above that failed its content check left the mark newer than the manifest: the
    // next build may reuse pages (a typo does not cost a full render).
    expect(statSync(mark).mtimeMs).toBeGreaterThan(statSync(join(env.CACHE_DIR, BUILD_STATE_IN_CACHE[0]!)).mtimeMs);
    // What a build killed (or failing in a later hook) after Astro's render leaves: the mark, and a manifest newer than it.
    writeFileSync(mark, env.BUILD_OUT);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(mark, minuteAgo, minuteAgo);
    const stopped = npmBuild(env);
    expect(stopped.status).toBe(0);
    expect(stopped.output).toContain('stopped before its site was swapped in: this build renders every page again');
    expect(pageLog(stopped.output).filter((entry) => entry.restored)).toEqual([]);
    expect(existsSync(mark)).toBe(false);
  }, 120_000);

  it('puts the last site back when a build was killed between its two renames', () => {
    // Left by the build above; this one moves the site aside as the killed build would have.
    const aside = besideOutput(env.BUILD_OUT).aside(999999999);
    renameSync(env.BUILD_OUT, aside);
    const before = readTree(aside);
    writeFileSync(besideOutput(env.BUILD_OUT).lock, '999999999');
    const result = npmBuild({ ...env, CONTENT_DIR: join(ROOT, 'tests/fixtures/broken') });
    expect(result.status).not.toBe(0);
    // The content check failed, but the site is served again, whole, and nothing is left aside.
    expect(readTree(env.BUILD_OUT)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['dist']);
  });

  it('stops a second build into the same folder while the first runs, touching nothing', () => {
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(besideOutput(env.BUILD_OUT).lock, String(holder.pid));
      const before = readTree(env.BUILD_OUT);
      const second = npmBuild({ ...env, CACHE_DIR: join(TMP, 'atomic-another-cache') });
      expect(second.status).toBe(1);
      expect(second.output).toContain(`Another build (process ${holder.pid}) is building into ${env.BUILD_OUT}.`);
      expect(readTree(env.BUILD_OUT)).toEqual(before);
      expect(existsSync(join(TMP, 'atomic-another-cache'))).toBe(false);
    } finally {
      holder.kill();
      rmSync(besideOutput(env.BUILD_OUT).lock, { force: true });
    }
  });
});

describe('npm run build never replaces what it must not', () => {
  it.each([
    ['the content folder itself', (content: string) => content],
    ['a folder that holds the content', (content: string) => join(content, '..')],
    ['the project', () => ROOT],
  ])('refuses a BUILD_OUT that is %s, and leaves it untouched', (_, out) => {
    const content = join(TMP, 'guard', 'articles');
    rmSync(join(TMP, 'guard'), { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    copyFileSync(join(ROOT, 'content/articles/nato-chief-west-should-impose-a-cost-on-china.md'), join(content, 'story.md'));
    const bad = npmBuild({ BUILD_OUT: out(content), CONTENT_DIR: content });
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('and a build replaces its output folder whole. Expected a folder of its own, like dist.');
    expect(readdirSync(content)).toEqual(['story.md']);
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
  });
});

describe.each([
  ['AUTHORS_DIR', "the authors' profiles", 'authors/john-doe.yaml'],
  ['PAGES_DIR', "the publication's pages", 'pages/ethics.md'],
] as const)('npm run build never replaces the folder %s names', (variable, what, fixture) => {
  it(`refuses a BUILD_OUT that holds ${variable}, and leaves the files untouched`, () => {
    const out = join(TMP, `guard-${variable}`, 'dist');
    const folder = join(out, 'editors');
    rmSync(join(TMP, `guard-${variable}`), { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const name = fixture.split('/').pop()!;
    copyFileSync(join(ROOT, 'tests/fixtures/corpora/newsroom', fixture), join(folder, name));
    const bad = npmBuild({ BUILD_OUT: out, [variable]: folder });
    expect(bad.status).toBe(1);
    expect(bad.output).toContain(`BUILD_OUT: ${out} would hold ${what} (${folder})`);
    expect(readdirSync(folder)).toEqual([name]);
  });
});
