/**
 * An attribute value that is safe to render as `href` or `src`: an http(s) URL, or a relative one resolved
 * against the page. Anything else (`javascript:`, `data:`, `vbscript:`, malformed) gives `undefined`.
 */
export function safeUrl(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const base = typeof document === 'undefined' ? 'https://localhost/' : document.baseURI;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}
