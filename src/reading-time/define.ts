/**
 * `lede-elements/reading-time`: registers `<lede-reading-time>` and exports the class with its types. To use the class without
 * registering it (another tag name, or types only), import `lede-elements/reading-time/class`.
 */
// First, before Lit loads: see lit-policy.ts and lit-globals.ts.
import '../shared/lit-policy.js';
import { define } from '../shared/define.js';
import { LedeReadingTime } from './reading-time.js';

export * from './reading-time.js';

define('lede-reading-time', LedeReadingTime);

declare global {
  interface HTMLElementTagNameMap {
    'lede-reading-time': LedeReadingTime;
  }
}
