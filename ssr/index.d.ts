/**
 * lede-elements/ssr: Lede's elements rendered on the server (Node 20+), as declarative shadow DOM, with Lit's @lit-labs/ssr
 * (an optional peer dependency: install it to use this module).
 */

export interface RenderOptions {
  /**
   * Language of the page. For a fragment, the language of the page it goes into, used by the elements that have
   * no `lang` of their own or around them in the markup. For a whole page, it sets `<html lang>` in the result.
   * Default: the markup's own, else English. A tag `Intl` rejects throws a `RangeError`.
   */
  lang?: string;
  /**
   * The page's absolute http(s) URL. The elements' structured data (JSON-LD) gives absolute URLs, resolved against
   * it (and the page's `<base href>`), and the article's `mainEntityOfPage`: with it, the blocks are the very text
   * the browser writes, which it then leaves as they are. Without it, URLs that are relative in the markup are left
   * out of the server's blocks (and a figure whose image URL is relative gets none), and the browser completes them.
   * Anything but an absolute http(s) URL throws a `TypeError`.
   */
  url?: string | URL;
}

/**
 * Renders every Lede element in `markup` (a whole page or a fragment) with its shadow root written as
 * `<template shadowrootmode="open">`: dates, reading time, labels and the comment form's fields, localised. The
 * rest of the markup is written out as it is. Load dist/hydrate.js before dist/lede.js on the page so the elements
 * take these roots over instead of rendering them again.
 */
export function renderToString(markup: string, options?: RenderOptions): string;

/**
 * The `'sha256-…'` sources for `style-src` that allow the `<style>` blocks of the declarative shadow roots in
 * `html` (the output of `renderToString`), one per distinct block.
 */
export function styleHashes(html: string): string[];
