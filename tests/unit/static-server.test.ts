import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';
import { TMP } from '../support/paths';

const root = join(TMP, 'static-server');
const site = join(root, 'dist');

/** Writes a site folder at `dir` holding `files` (path → text). */
function writeSite(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

let server: StaticServer | undefined;
afterAll(() => server?.close());

describe('the static server npm run preview uses', () => {
  it('serves each new build once it is swapped in, whole, without crashing on what it no longer has', async () => {
    rmSync(root, { recursive: true, force: true });
    writeSite(site, { 'index.html': 'first', 'old.txt': 'gone soon', _headers: '/*\n  X-Build: one\n', '404.html': 'not here' });
    server = await serveStatic(site);
    const get = (path: string) => fetch(`${server!.origin}${path}`);
    expect(await (await get('/')).text()).toBe('first');
    // npm run build's swap: the new folder is renamed into place.
    writeSite(join(root, 'next'), {
      'index.html': 'the second build, longer than the first',
      _headers: '/*\n  X-Build: two\n',
      '404.html': 'not here',
    });
    renameSync(site, join(root, 'previous'));
    renameSync(join(root, 'next'), site);
    rmSync(join(root, 'previous'), { recursive: true });
    const home = await get('/');
    expect(await home.text()).toBe('the second build, longer than the first');
    expect(home.headers.get('x-build')).toBe('two');
    const old = await get('/old.txt');
    expect(old.status).toBe(404);
    expect(await (await get('/')).text()).toBe('the second build, longer than the first');
  });
});
