import { webUrl } from './content.js';
import type { Paragraph, Run } from './content.js';

/**
 * WordPress's `content.rendered` (HTML: `<p>…<br />…<a href>`) as paragraphs of text and links, read without a DOM:
 * no markup is ever inserted or parsed by the browser, so it works under Trusted Types (where `DOMParser` needs a
 * policy) and on the server. What it keeps: text, paragraphs, line breaks and http(s) links. What it drops: every
 * other tag (its text is kept), and the content of the elements that hold no reader text (`<script>`, `<style>`…).
 */

/** A tag (its attribute values may hold `>`), a comment, or a doctype / CDATA section. */
const TOKEN = /<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|<!--[^]*?(?:-->|$)|<![^>]*>/g;
/** Elements whose content is not text for a reader: skipped to their end tag. */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'textarea',
  'title',
  'svg',
  'math',
  'select',
]);
/** Elements that start a new paragraph where they open and where they close. */
const BLOCKS = new Set(
  'p div blockquote li ul ol dl dt dd h1 h2 h3 h4 h5 h6 pre figure figcaption table tr hr section article aside header footer address'.split(
    ' ',
  ),
);
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
/** The named character references WordPress writes (wptexturize, esc_html); numeric ones are decoded in general. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  times: '×',
  prime: '′',
  Prime: '″',
};

/** Text with its character references decoded. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]+));/g,
    (match, decimal?: string, hex?: string, name?: string) => {
      if (name) return NAMED[name] ?? match;
      const code = decimal ? +decimal : parseInt(hex ?? '', 16);
      // NUL, surrogates and values past Unicode are the replacement character, as in HTML.
      return code && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    },
  );
}

/** An `href` kept as a link: an absolute http(s) URL. Anything else (`javascript:`, relative, malformed) is dropped. */
function linkOf(attributes: string): string | undefined {
  const match = HREF.exec(attributes);
  return (match && webUrl(decodeEntities(match[1] ?? match[2] ?? match[3]))) || undefined;
}

/** `content.rendered` as paragraphs. */
export function wordpressParagraphs(rendered: string): Paragraph[] {
  const html = `${rendered ?? ''}`;
  const paragraphs: Paragraph[] = [];
  let runs: Run[] = [];
  let href: string | undefined;
  const add = (text: string) => {
    const last = runs[runs.length - 1];
    if (last && last.href === href) last.text += text;
    else runs.push(href ? { text, href } : { text });
  };
  const close = () => {
    // Spaces around a line break, and at either end, are not shown.
    const tidy = runs
      .map((run) => ({ ...run, text: run.text.replace(/ *\n */g, '\n').replace(/ {2,}/g, ' ') }))
      .filter((run) => run.text);
    if (tidy.length) {
      tidy[0].text = tidy[0].text.trimStart();
      const last = tidy[tidy.length - 1];
      last.text = last.text.trimEnd();
      const kept = tidy.filter((run) => run.text);
      if (kept.length) paragraphs.push(kept);
    }
    runs = [];
  };
  let at = 0;
  for (TOKEN.lastIndex = 0; ;) {
    const match = TOKEN.exec(html);
    const text = html.slice(at, match ? match.index : html.length);
    // HTML whitespace (not the no-break space) is one space; only `<br>` breaks a line.
    if (text) add(decodeEntities(text).replace(/[\t\n\f\r ]+/g, ' '));
    if (!match) break;
    at = TOKEN.lastIndex;
    const [, end, tag = '', attributes = ''] = match;
    const name = tag.toLowerCase();
    if (!name) continue; // a comment or doctype
    if (!end && SKIPPED.has(name)) {
      // Everything up to the matching end tag (or the end of the text) is dropped.
      const stop = html.toLowerCase().indexOf(`</${name}`, at);
      at = stop < 0 ? html.length : html.indexOf('>', stop) + 1 || html.length;
      TOKEN.lastIndex = at;
    } else if (name === 'br') add('\n');
    else if (name === 'a') href = end ? undefined : linkOf(attributes);
    else if (BLOCKS.has(name)) close();
  }
  close();
  return paragraphs;
}

/**
 * The message of a WordPress error page (`wp_die`'s `<div class="wp-die-message">`) as text, '' when it has none:
 * read as `content.rendered` is, without a DOM, since `DOMParser` refuses a string under Trusted Types.
 */
export function wordpressMessage(page: string): string {
  const start = /<div\b[^>]*\bwp-die-message\b[^>]*>/i.exec(page);
  if (!start) return '';
  const message = page.slice(start.index + start[0].length);
  const end = message.search(/<\/div\s*>/i);
  return wordpressParagraphs(end < 0 ? message : message.slice(0, end))
    .map((paragraph) => paragraph.map((run) => run.text).join(''))
    .join('\n');
}
