import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/paths';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the GitHub Pages workflow', () => {
  const workflow = parse(read('.github/workflows/deploy.yml'));
  const steps: Record<string, any>[] = workflow.jobs.build.steps;

  it('installs and builds with the commands the README documents', () => {
    const scripts = JSON.parse(read('package.json')).scripts;
    const runs = steps.filter((step) => step.run).map((step) => step.run);
    expect(runs).toEqual(['npm ci', 'npm run build']);
    expect(scripts.build).toBeDefined();
  });

  it('passes the Pages address to the build as SITE_URL and BASE_PATH', () => {
    const build = steps.find((step) => step.run === 'npm run build')!;
    expect(build.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.origin }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}', CACHE_DIR: '.cache/broadsheet' });
    // The cache folder survives npm ci (outside node_modules) and is restored before the build.
    const cache = steps.findIndex((step) => /^actions\/cache@/.test(step.uses ?? ''));
    expect(steps[cache]?.with?.path).toBe(build.env.CACHE_DIR);
    expect(cache).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm ci'));
    expect(cache).toBeLessThan(steps.indexOf(build));
    expect(steps.find((step) => step.id === 'pages')?.uses).toMatch(/^actions\/configure-pages@/);
  });

  it('publishes dist/ and deploys it with the permissions Pages needs', () => {
    expect(steps.at(-1)).toEqual({ uses: expect.stringMatching(/^actions\/upload-pages-artifact@/), with: { path: 'dist' } });
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs.deploy.needs).toBe('build');
  });
});

describe('docs/deploy.md', () => {
  const doc = read('docs/deploy.md');
  it.each(['Any static server or bucket', 'GitHub Pages', 'Netlify', 'Cloudflare Pages'])('has a recipe for %s naming SITE_URL', (host) => {
    const section = doc.split('\n## ').find((part) => part.startsWith(host));
    expect(section, host).toBeDefined();
    expect(section).toContain('SITE_URL');
  });
});
