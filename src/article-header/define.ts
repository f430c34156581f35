/**
 * `lede-elements/article-header`: registers `<lede-article-header>` and exports the class with its types. To use the class without
 * registering it (another tag name, or types only), import `lede-elements/article-header/class`.
 */
// First, before Lit loads: see lit-policy.ts and lit-globals.ts.
import '../shared/lit-policy.js';
import { define } from '../shared/define.js';
import { LedeArticleHeader } from './article-header.js';

export * from './article-header.js';

define('lede-article-header', LedeArticleHeader);

declare global {
  interface HTMLElementTagNameMap {
    'lede-article-header': LedeArticleHeader;
  }
}
