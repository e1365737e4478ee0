import type { Definition, Image, ImageReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { isLocalAddress } from '../markdown/url-attributes.ts';
import type { FileProblem } from './media.ts';

/** The local picture files a Markdown body refers to, inline or by reference. */
export function localPictures(tree: Root): string[] {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => void definitions.set(node.identifier, node.url));
  const urls: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'image') urls.push((node as Image).url);
    if (node.type === 'imageReference') {
      const url = definitions.get((node as ImageReference).identifier);
      if (url) urls.push(url);
    }
  });
  return urls.filter(isLocalAddress);
}

/**
 * Pictures Markdown did not read as pictures because their address has a space in it
 * (`![Map](./images/harbour map.png)`: CommonMark § 6.3 allows none in a bare destination), which
 * the page would print as text. One problem each, saying the two ways to write it. Found in text
 * nodes, so code spans and code blocks (which show Markdown on purpose) are left alone.
 * Replays getpelican/pelican#1388.
 */
export function spacedPictureAddresses(tree: Root): FileProblem[] {
  const problems: FileProblem[] = [];
  visit(tree, 'text', (node) => {
    for (const [, address] of node.value.matchAll(/!\[[^\]]*\]\(\s*([^()\s<>][^()<>]*?\s[^()<>]*?)\s*\)/g)) {
      problems.push({
        field: 'body',
        message: `picture "${address}": expected an address without spaces, or in angle brackets: write <${address}> or ${address!.replace(/ /g, '%20')}; as it is, the page shows the Markdown as text`,
      });
    }
  });
  return problems;
}
