import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, formatterFactory } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) return htmlFiles(dir, path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

describe('html-validate (recommended rules) on every built page', () => {
  const validator = new HtmlValidate(config);
  const text = formatterFactory('text');

  it.each(htmlFiles(inject('siteDir')))('%s', async (file) => {
    const report = await validator.validateFile(join(inject('siteDir'), file));
    expect(report.valid ? '' : text(report.results)).toBe('');
  });
});
