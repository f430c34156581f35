/** A piece of a paragraph: text, a link when `href` is set. A line break is a `\n` in `text`. */
export interface Run {
  text: string;
  /** An absolute http(s) URL. */
  href?: string;
}

/** A comment's text as paragraphs of runs: what is shown, never markup. */
export type Paragraph = Run[];

/** `text` as an absolute http(s) URL, else '': a link is never `javascript:`, nor relative to the page it is shown on. */
export function webUrl(text: string): string {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/** Plain text as paragraphs: a blank line between two paragraphs, single line breaks kept inside one. */
export function textParagraphs(text: string): Paragraph[] {
  return `${text}`
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => [{ text: paragraph }]);
}
