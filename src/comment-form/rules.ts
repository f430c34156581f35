/**
 * What a comment may hold, written once for <lede-comment-form> and for the comment server (server/validate.js
 * imports the built module, dist/lib/comment-form/rules.js), so that what the form lets through is what the
 * server stores. Pure and DOM-free.
 */

/** The longest name, e-mail, website and comment (the form's default `max-length`), in characters. */
export const LIMITS = { name: 245, email: 100, url: 200, content: 5000 };

/**
 * An e-mail address: something, @, a domain with at least one dot, no spaces. Looser than the HTML
 * `type="email"` rule on purpose: it accepts `josé@exemple.fr`.
 */
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Characters that show nothing: a name or comment made only of these (and spaces) is empty. */
// eslint-disable-next-line no-misleading-character-class -- each listed alone: the zero-width joiner is one of them
const INVISIBLE = /[\s\u200b\u200c\u200d\u2060\ufeff]/gu;

/** Whether a field is empty to a reader's eye: only spaces and zero-width characters. */
export const isBlank = (text: string): boolean => !text.replace(INVISIBLE, '');

/**
 * The website a reader typed, as the web address to send, or `undefined` when it cannot be one. A bare domain gets
 * `https://` ("anne.fr" → "https://anne.fr"; WordPress accepts it too, adding `http://`); what is refused: another
 * scheme (`javascript:`, `ftp:`, `mailto:`, `localhost:3000`), spaces, a host without a dot or with characters no
 * host name has, an unparsable URL (a port over 65535).
 */
export function webAddress(value: string): string | undefined {
  const url = /^[a-z][a-z\d+-]*:/i.test(value) ? value : `https://${value}`;
  try {
    // The host, as parsed (international names in punycode): labels of letters, digits and hyphens, two or more.
    return /^https?:\/\/[^\s/]\S*$/i.test(url) && /^[a-z\d-]+(\.[a-z\d-]+)+\.?$/.test(new URL(url).hostname)
      ? url
      : undefined;
  } catch {
    return undefined; // not a URL at all
  }
}
