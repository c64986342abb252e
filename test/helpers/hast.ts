/** Shared by the render tests: every element of a hast tree that passes `test`. */
import type { Element, Nodes } from 'hast';

export function elementsWhere(node: Nodes, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'element' && test(n)) out.push(n);
    if ('children' in n) n.children.forEach((c) => walk(c));
  };
  walk(node);
  return out;
}
