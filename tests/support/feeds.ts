import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Element, Root, Text } from 'hast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import { XMLParser } from 'fast-xml-parser';

/** Installs Debian's libxml2-utils when xmllint is missing (needs root). */
export function ensureXmllint(): void {
  if (existsSync('/usr/bin/xmllint')) return;
  console.log('[e2e] xmllint is missing: installing libxml2-utils with apt-get');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'libxml2-utils'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** xmllint's verdict on a document: '' when well formed, its complaints otherwise. */
export function xmllintErrors(xml: string): string {
  try {
    execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

/** The XML as a plain tree (attributes as @_name, repeated elements always arrays). */
export function parseXml(xml: string): Record<string, any> {
  return new XMLParser({
    ignoreAttributes: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => ['item', 'entry', 'category', 'link', 'atom:link', 'dc:creator', 'author', 'media:content', 'enclosure'].includes(name),
  }).parse(xml);
}

/** RFC 822 as RSS 2.0 and the W3C validator want it, in GMT. */
export const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
/** RFC 3339, as Atom and JSON Feed want it. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const fragments = rehype().data('settings', { fragment: true });

/** The elements in an HTML fragment, by name, in document order: what a reader would build from it. */
export function htmlElements(html: string): string[] {
  const names: string[] = [];
  visit(fragments.parse(html), 'element', (node: Element) => void names.push(node.tagName));
  return names;
}

/** Every text node's value under a node, joined: the text exactly as the HTML carries it. */
function textOf(node: Root | Element): string {
  let text = '';
  visit(node, 'text', (child: Text) => void (text += child.value));
  return text;
}

/** The text an HTML fragment carries. */
export function htmlText(html: string): string {
  return textOf(fragments.parse(html));
}

/** The first paragraph of feed HTML: the elements inside it and its text. */
export function leadParagraph(html: string): { elements: string[]; text: string } {
  const tree = fragments.parse(html);
  const first = tree.children.find((node): node is Element => node.type === 'element');
  if (first?.tagName !== 'p') return { elements: [first?.type === 'element' ? first.tagName : 'none'], text: '' };
  const elements: string[] = [];
  visit(first, 'element', (node: Element) => void (node !== first && elements.push(node.tagName)));
  return { elements, text: textOf(first) };
}

/** What feed HTML must not carry: anything that runs, restyles, or points nowhere outside the site. */
export function contentProblems(html: string): string[] {
  const problems: string[] = [];
  visit(fragments.parse(html), 'element', (node: Element) => {
    if (['script', 'style', 'iframe', 'object', 'embed', 'form'].includes(node.tagName)) problems.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) problems.push(`${name} on <${node.tagName}>`);
      if (name === 'style') problems.push(`style on <${node.tagName}>`);
      if (['href', 'src', 'cite', 'poster'].includes(name)) {
        const address = String(value);
        if (!/^https?:\/\//.test(address)) problems.push(`${name}="${address}" is not an absolute http(s) URL`);
      }
    }
  });
  return problems;
}
