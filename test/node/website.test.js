// The website rule of <lede-comment-form>, which the comment server imports too (src/comment-form/rules.ts, built
// as dist/lib/comment-form/rules.js), so what the form sends is what the server stores.
// Run after `npm run build`: node --test test/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webAddress } from '../../dist/lib/comment-form/rules.js';

const CASES = {
  'anne.fr': 'https://anne.fr',
  'www.anne.fr/blog?x=1#top': 'https://www.anne.fr/blog?x=1#top',
  'anne.fr:8080/x': 'https://anne.fr:8080/x',
  'café.fr': 'https://café.fr',
  '1.2.3.4': 'https://1.2.3.4',
  'https://anne.fr': 'https://anne.fr',
  'HTTP://Anne.FR/': 'HTTP://Anne.FR/',
  'http://user@anne.fr/': 'http://user@anne.fr/',
  anne: undefined,
  'anne fr': undefined,
  'anne .fr': undefined,
  'http://anne': undefined,
  'https://exa mple.org/': undefined,
  'https://jo.example.com:99999/': undefined,
  'javascript:alert(1)': undefined,
  'JavaScript:alert(1)': undefined,
  'vbscript:msgbox(1)': undefined,
  'data:text/html,x.y': undefined,
  'mailto:anne@example.fr': undefined,
  'ftp://example.org/': undefined,
  'localhost:3000': undefined,
  '//anne.fr': undefined,
  'https:///anne.fr': undefined,
  'http://[::1]/': undefined,
  '{{constructor.constructor("x")()}}': undefined,
  'https://a.{b}/': undefined,
};

test('a website is a web address, a bare domain gets https://, anything else is refused', () => {
  for (const [typed, expected] of Object.entries(CASES)) assert.equal(webAddress(typed), expected, typed);
});
