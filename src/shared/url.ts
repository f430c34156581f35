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
