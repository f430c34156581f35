/**
 * `lede-elements/comments`: registers `<lede-comments>` (and `<lede-comment-form>`, which it renders) and exports the
 * class with its types. To use the class without registering it, import `lede-elements/comments/class`.
 */
// First, before Lit loads: see lit-policy.ts and lit-globals.ts.
import '../shared/lit-policy.js';
import { define } from '../shared/define.js';
import { LedeComments } from './comments.js';

export * from './comments.js';

define('lede-comments', LedeComments);

declare global {
  interface HTMLElementTagNameMap {
    'lede-comments': LedeComments;
  }
}
