import { safeUrl } from '../shared/url.js';

/**
 * A `srcset` with every candidate whose URL `safeUrl` rejects left out, or `undefined` when none is left.
 * A candidate is a URL (no whitespace; commas inside it are kept, as image CDNs use them) and optional
 * descriptors up to the next comma.
 */
export function safeSrcset(value: string | null | undefined): string | undefined {
  const kept = (`${value ?? ''}`.match(/[^\s,]\S*(?:(?<!,)\s+[^,]*)?/g) ?? [])
    .map((candidate) => candidate.trim().replace(/,+$/, ''))
    .filter((candidate) => safeUrl(candidate.split(/\s/)[0]));
  return kept.join(', ') || undefined;
}
