/// <reference types="node" />
/**
 * The markup handed to lede-elements/ssr, parsed with parse5 (the parser @lit-labs/ssr uses), and its nodes as the
 * elements' readers see DOM nodes (`LightElement` of src/shared/light.ts).
 */
import { createRequire } from 'node:module';
import { simpleSelectorTest } from '../reading-time/estimate.js';
import { ELEMENT_NODE } from '../shared/light.js';
import type { LightElement, LightNode } from '../shared/light.js';

/** Where a node stands in the markup (parse5's `sourceCodeLocationInfo`). */
interface Span {
  startOffset: number;
  endOffset: number;
}

/** A parse5 node (default tree adapter): the fields read here. */
export interface ParsedNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: ParsedNode[];
  parentNode?: ParsedNode | null;
  content?: ParsedNode;
  sourceCodeLocation?: Span & { startTag?: Span & { attrs?: Record<string, Span> } };
}

interface Parse5 {
  parse(markup: string, options: { sourceCodeLocationInfo: boolean }): ParsedNode;
  parseFragment(markup: string, options: { sourceCodeLocationInfo: boolean }): ParsedNode;
}

/** parse5 as @lit-labs/ssr has it (not whatever else in node_modules is called parse5). */
export const parse5 = createRequire(import.meta.resolve('@lit-labs/ssr'))('parse5') as Parse5;

/** `Node.TEXT_NODE`, `Node.COMMENT_NODE` and `Node.DOCUMENT_NODE`, written out: in Node there is no `Node`. */
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;

/** An edit of the markup: the text from `start` to `end` replaced by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits (made from one parse, not overlapping) to `markup`. */
export function applyEdits(markup: string, edits: Edit[]): string {
  let edited = markup;
  for (const { start, end, text } of [...edits].sort((a, b) => b.start - a.start))
    edited = edited.slice(0, start) + text + edited.slice(end);
  return edited;
}

export const attribute = (node: ParsedNode, name: string): string | undefined =>
  node.attrs?.find((each) => each.name === name)?.value;
export const isParsedElement = (node: ParsedNode): boolean => node.tagName !== undefined;

/** Every node under `node`, in document order; `<template>` contents too when `templates` is set. */
export function* walk(node: ParsedNode, templates = false): Generator<ParsedNode> {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* walk(child, templates);
    if (templates && child.content) yield* walk(child.content, templates);
  }
}

/** Escapes an attribute value for a double-quoted attribute. */
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The markup's nodes as `LightNode`s, one object per node (so that the readers can compare them). An element's
 * `setAttribute` records the change of its start tag (`startTagEdits`): the server writes it as the browser would.
 */
export class LightMarkup {
  #nodes = new WeakMap<ParsedNode, LightNode>();
  #selectors = new Map<string, ReturnType<typeof simpleSelectorTest>>();
  /** The attributes set on each element, by node. */
  readonly changed = new Map<ParsedNode, Map<string, string>>();

  node(parsed: ParsedNode): LightNode {
    let light = this.#nodes.get(parsed);
    if (!light) {
      light = parsed.tagName === undefined ? this.#other(parsed) : this.#element(parsed);
      this.#nodes.set(parsed, light);
    }
    return light;
  }

  element(parsed: ParsedNode): LightElement {
    return this.node(parsed) as LightElement;
  }

  /**
   * The start tag of `parsed` (as `original`, its text in the markup) with the attributes set on it: a value already
   * there is replaced, others are added after the tag name.
   */
  startTag(parsed: ParsedNode, original: string): string {
    const tag = parsed.sourceCodeLocation?.startTag;
    const changes = this.changed.get(parsed);
    if (!tag || !changes) return original;
    const edits: Edit[] = [];
    const afterName = 1 + (parsed.tagName?.length ?? 0);
    for (const [name, value] of changes) {
      const at = tag.attrs?.[name];
      const text = `${name}="${escapeAttribute(value)}"`;
      if (at) edits.push({ start: at.startOffset - tag.startOffset, end: at.endOffset - tag.startOffset, text });
      else edits.push({ start: afterName, end: afterName, text: ` ${text}` });
    }
    return applyEdits(original, edits);
  }

  #element(parsed: ParsedNode): LightElement {
    // The getters below cannot be arrow functions: these arrows keep this markup for them.
    const node = (child: ParsedNode): LightNode => this.node(child);
    const element = (child: ParsedNode): LightElement => this.element(child);
    return {
      nodeType: ELEMENT_NODE,
      localName: parsed.tagName ?? '',
      get slot() {
        return attribute(parsed, 'slot') ?? '';
      },
      get textContent() {
        return [...walk(parsed)].map((each) => (each.nodeName === '#text' ? (each.value ?? '') : '')).join('');
      },
      get childNodes() {
        return (parsed.childNodes ?? []).map(node);
      },
      get children() {
        return (parsed.childNodes ?? []).filter(isParsedElement).map(element);
      },
      get parentNode() {
        return parsed.parentNode ? node(parsed.parentNode) : null;
      },
      getAttribute: (name: string) => this.changed.get(parsed)?.get(name) ?? attribute(parsed, name) ?? null,
      matches: (selectors: string) =>
        this.#selectorTest(selectors)(parsed.tagName ?? '', (name) => attribute(parsed, name)),
      setAttribute: (name: string, value: string) => {
        const changes = this.changed.get(parsed) ?? new Map<string, string>();
        changes.set(name, `${value}`);
        this.changed.set(parsed, changes);
      },
    };
  }

  #selectorTest(selectors: string): ReturnType<typeof simpleSelectorTest> {
    let test = this.#selectors.get(selectors);
    if (!test) {
      test = simpleSelectorTest(selectors);
      this.#selectors.set(selectors, test);
    }
    return test;
  }

  #other(parsed: ParsedNode): LightNode {
    // The getters below cannot be arrow functions: this arrow keeps this markup for them.
    const node = (child: ParsedNode): LightNode => this.node(child);
    const types: Record<string, number> = { '#text': TEXT_NODE, '#comment': COMMENT_NODE, '#document': DOCUMENT_NODE };
    return {
      nodeType: types[parsed.nodeName] ?? 0,
      textContent: parsed.nodeName === '#text' ? (parsed.value ?? '') : null,
      get childNodes() {
        return (parsed.childNodes ?? []).map(node);
      },
      get parentNode() {
        return parsed.parentNode ? node(parsed.parentNode) : null;
      },
    };
  }
}
