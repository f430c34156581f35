import { baseUrl } from './dom.js';

/**
 * An attribute value that is safe to render as `href` or `src`: an http(s) URL, or a relative one resolved
 * against the page. Anything else (`javascript:`, `data:`, `vbscript:`, malformed) gives `undefined`.
 */
export function safeUrl(value: string | null | undefined): string | undefined {
  // A script may set any type (a URL object, a number): read it as text, never throw.
  const trimmed = `${value ?? ''}`.trim();
  if (!trimmed) return undefined;
  const base = typeof document === 'undefined' ? 'https://localhost/' : baseUrl();
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where structured data takes its absolute URLs from: `page`, the page's own URL (an article's
 * `mainEntityOfPage`), and `base`, what relative attribute values resolve against. In the browser, the document's
 * URL and base URL; in lede-elements/ssr, its `url` option (and the page's `<base href>`). Either may be unknown.
 */
export interface PageUrls {
  page?: string;
  base?: string;
}

/**
 * `value` as an absolute http(s) URL, resolved against `base`; `undefined` when it is not safe (`safeUrl`) or is
 * relative with no base to resolve it against.
 */
export function absoluteUrl(value: string | null | undefined, base?: string): string | undefined {
  try {
    const url = safeUrl(value) && new URL(`${value}`.trim(), base);
    return url && /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
