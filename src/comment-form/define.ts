/**
 * `lede-elements/comment-form`: registers `<lede-comment-form>` and exports the class with its types. To use the class without
 * registering it (another tag name, or types only), import `lede-elements/comment-form/class`.
 */
// First, before Lit loads: see lit-policy.ts and lit-globals.ts.
import '../shared/lit-policy.js';
import { define } from '../shared/define.js';
import { LedeCommentForm } from './comment-form.js';

export * from './comment-form.js';

define('lede-comment-form', LedeCommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'lede-comment-form': LedeCommentForm;
  }
}
