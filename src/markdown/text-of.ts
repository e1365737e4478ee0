import type { Element } from 'hast';
import { visit } from 'unist-util-visit';

/** Every text node's value under an element, joined as written (no white-space rules applied). */
export function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (child) => void (text += child.value));
  return text;
}
