import { INLINE, SKIP, count } from './estimate.js';
import type { Counts } from './estimate.js';
import { closestTag, isElement } from '../shared/light.js';
import type { LightElement, LightNode } from '../shared/light.js';

/** `Node.TEXT_NODE`, written out: in Node (server rendering) there is no `Node`. */
const TEXT_NODE = 3;

/**
 * Visible text and images of an element, counted: one pass over its subtree, in the browser (DOM nodes) and in
 * lede-elements/ssr (the markup's nodes). Skipped subtrees (`SKIP`) are left out whole; an `<img>` is an image; an
 * element that is not inline, or is slotted, separates words.
 */
export function measure(root: LightElement): Counts {
  let text = '';
  let images = 0;
  const visit = (node: LightNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) text += child.textContent ?? '';
      if (!isElement(child) || child.matches(SKIP)) continue;
      if (child.localName === 'img') images++;
      else if (!INLINE.test(child.localName) || child.slot) text += ' ';
      visit(child);
    }
  };
  visit(root);
  return count(text, images);
}

/**
 * The element a reading time measures: the one with id `id` when it is given (found by `byId`), else the closest
 * `<article>` around `from`, else the closest `<main>` (crossing shadow roots).
 */
export function findTarget(
  from: LightNode | undefined,
  id: string | null | undefined,
  byId: (id: string) => LightElement | null | undefined,
): LightElement | undefined {
  if (id !== null && id !== undefined) return byId(id) ?? undefined;
  return closestTag(from, 'article') ?? closestTag(from, 'main');
}
