/** A piece of a paragraph: text, a link when `href` is set. A line break is a `\n` in `text`. */
export interface Run {
  text: string;
  /** An absolute http(s) URL. */
  href?: string;
}

/** A comment's text as paragraphs of runs: what is shown, never markup. */
export type Paragraph = Run[];

/** Plain text as paragraphs: a blank line between two paragraphs, single line breaks kept inside one. */
export function textParagraphs(text: string): Paragraph[] {
  return `${text}`
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => [{ text: paragraph }]);
}
