/**
 * The website a reader typed, as the web address to send, or `undefined` when it cannot be one. A bare domain gets
 * `https://` ("anne.fr" → "https://anne.fr"; WordPress accepts it too, adding `http://`); what is refused: another
 * scheme (`javascript:`, `ftp:`, `mailto:`, `localhost:3000`), spaces, a host without a dot or with characters no
 * host name has, an unparsable URL (a port over 65535). Pure and DOM-free; server/validate.js applies the same rule,
 * and test/node/website.test.js checks that the two agree.
 */
export function webAddress(value: string): string | undefined {
  const url = /^[a-z][a-z\d+-]*:/i.test(value) ? value : `https://${value}`;
  try {
    // The host, as parsed (international names in punycode): labels of letters, digits and hyphens, two or more.
    return /^https?:\/\/[^\s/]\S*$/i.test(url) && /^[a-z\d-]+(\.[a-z\d-]+)+\.?$/.test(new URL(url).hostname) ? url : undefined;
  } catch {
    return undefined; // not a URL at all
  }
}
