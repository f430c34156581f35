import { INLINE, count, isSkipped, time } from './estimate.js';
import type { Counts, ReadingTime, ReadingTimeOptions } from './estimate.js';

/** Elements that have no content and no end tag. */
const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/;
/** Elements whose content is text up to their end tag, never markup. */
const RAW = /^(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)$/;
/** Start tags that close an open `<p>`, and the elements that close one of their own kind (`<li>` after `<li>`). */
const CLOSES_P =
  /^(address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|main|menu|nav|ol|p|pre|section|table|ul)$/;
const SIBLINGS: Record<string, RegExp> = {
  li: /^li$/,
  dt: /^d[dt]$/,
  dd: /^d[dt]$/,
  tr: /^t[dhr]$/,
  td: /^t[dh]$/,
  th: /^t[dh]$/,
  option: /^option$/,
};

/**
 * Markup, one piece at a time: a comment, a doctype or processing instruction, an end tag (1: name), a start tag
 * (2: name, 3: attributes, quoted values may hold `>`), text, or a `<` that starts none of these (text).
 */
const TOKEN =
  /<!--[^]*?(?:-->|$)|<[!?][^>]*>?|<\/([a-zA-Z][^\s/>]*)[^>]*>?|<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</gy;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Character references that matter for counting words: spaces, punctuation, letters; any numeric one. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: ' ',
  emsp: ' ',
  thinsp: '\u2009',
  shy: '',
  zwnj: '',
  zwj: '',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  euro: '€',
  times: '×',
  szlig: 'ß',
  aelig: 'æ',
  oelig: 'œ',
  eth: 'ð',
  thorn: 'þ',
};

/** Text with its character references decoded: named ones in `NAMED`, accented letters (`&eacute;`) and numeric ones. */
function decode(text: string): string {
  return text.replace(
    /&(?:#(\d+)|#x([\da-f]+)|([a-z][a-z\d]*));?/gi,
    (reference, decimal?: string, hex?: string, name?: string) => {
      if (name) {
        const letter = /^([a-z])(acute|grave|circ|uml|tilde|cedil|ring|slash|caron|macr|ogon|dot)$/i.exec(name);
        return NAMED[name] ?? (letter ? letter[1] : reference);
      }
      const code = decimal ? +decimal : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    },
  );
}

/**
 * Words and images of HTML, counted as `<lede-reading-time>` counts the DOM, without a DOM (a CMS has the article's
 * HTML on its server): tags are not words; character references are decoded (`&nbsp;` is a space); `script`,
 * `style`, `template`, `noscript`, `[hidden]`, `[aria-hidden="true"]` and `[data-reading-time-ignore]` subtrees are
 * skipped; inline elements (`<a>`, `<strong>`…) do not split a word and other elements do; each `<img>` is an image.
 * One linear pass; markup is read as a browser would read well-formed HTML (implied end tags of `p`, `li`, `dt`,
 * `dd`, `tr`, `td`, `th` and `option` included), not validated.
 */
export function countHtml(html: string): Counts {
  const text: string[] = [];
  /** Open elements; `skipping` is how many of them were open when a skipped subtree began (-1: none). */
  const open: string[] = [];
  let skipping = -1;
  let images = 0;
  const close = (depth: number) => {
    open.length = depth;
    if (skipping >= depth) skipping = -1;
  };
  html = String(html ?? '');
  TOKEN.lastIndex = 0;
  for (let match; (match = TOKEN.exec(html));) {
    const [token, end, start, attributeText] = match;
    if (token[0] !== '<' || token === '<') {
      if (skipping < 0) text.push(decode(token));
      continue;
    }
    const tag = (end ?? start)?.toLowerCase();
    if (!tag) continue; // a comment, doctype or processing instruction
    if (end) {
      const at = open.lastIndexOf(tag);
      if (at >= 0) close(at);
      if (!INLINE.test(tag)) text.push(' ');
      continue;
    }
    const attributes = new Map<string, string>();
    for (const [, name, ...values] of attributeText.matchAll(ATTRIBUTE)) {
      const key = name.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, decode(values.find((value) => value !== undefined) ?? ''));
    }
    // Implied end tags: a block closes an open <p>, an <li> the previous <li>, and so on.
    const top = open.at(-1);
    if (top && SIBLINGS[top]?.test(tag)) close(open.length - 1);
    if (CLOSES_P.test(tag) && open.includes('p')) close(open.lastIndexOf('p'));
    const skipped = skipping >= 0 || isSkipped(tag, (name) => attributes.get(name));
    if (!skipped && tag === 'img') images++;
    if (!INLINE.test(tag) || attributes.has('slot')) text.push(' ');
    if (RAW.test(tag)) {
      // Its content is text up to its end tag: read only when not skipped (a <textarea>, a <title>).
      const closing = html.toLowerCase().indexOf(`</${tag}`, TOKEN.lastIndex);
      const stop = closing < 0 ? html.length : closing;
      if (!skipped) text.push(decode(html.slice(TOKEN.lastIndex, stop)));
      TOKEN.lastIndex = stop;
      open.push(tag);
      if (skipped && skipping < 0) skipping = open.length - 1;
      continue;
    }
    if (VOID.test(tag) || token.endsWith('/>')) continue;
    if (skipped && skipping < 0) skipping = open.length;
    open.push(tag);
  }
  return count(text.join(''), images);
}

/**
 * Estimated reading time of HTML, counted as `<lede-reading-time>` counts the page (`countHtml`): DOM-free, for
 * Node. `estimateReadingTimeFromHtml('<p>Hello <strong>world</strong> &nbsp; test</p>')` counts 3 words. Options as
 * `estimateReadingTime`'s, except that images are the `<img>` elements of the markup.
 */
export function estimateReadingTimeFromHtml(
  html: string,
  { lang, wpm }: Omit<ReadingTimeOptions, 'images'> = {},
): ReadingTime {
  return time(countHtml(html), lang, wpm);
}
