import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, formatterFactory } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { listFiles } from '../support/build';
import { nuHtmlErrors } from '../support/html-checker';


describe('html-validate (recommended rules) on every built page', () => {
  const validator = new HtmlValidate(config);
  const text = formatterFactory('text');

  it.each(listFiles(inject('siteDir'), '.html'))('%s', async (file) => {
    const report = await validator.validateFile(join(inject('siteDir'), file));
    expect(report.valid ? '' : text(report.results)).toBe('');
  });
});

describe('the Nu HTML Checker on every built page', () => {
  it.each([
    ['the seed site', 'siteDir'],
    ['the seed site under BASE_PATH=/news', 'newsDir'],
  ] as const)('finds no errors in %s', (_, dir) => {
    expect(nuHtmlErrors(inject(dir))).toEqual([]);
  });
});

// html-validate accepts a <script> after </html> (the parser moves it into the body); the Nu HTML
// Checker calls it a stray start tag.
describe('every built page ends at its </html>', () => {
  it.each(listFiles(inject('siteDir'), '.html'))('%s', (file) => {
    const html = readFileSync(join(inject('siteDir'), file), 'utf8');
    expect(html.slice(html.lastIndexOf('</html>'))).toBe('</html>');
  });
});
