/**
 * `lede-elements/figure`: registers `<lede-figure>` and exports the class with its types. To use the class without
 * registering it (another tag name, or types only), import `lede-elements/figure/class`.
 */
// First, before Lit loads: see lit-policy.ts and lit-globals.ts.
import '../shared/lit-policy.js';
import { define } from '../shared/define.js';
import { LedeFigure } from './figure.js';

export * from './figure.js';

define('lede-figure', LedeFigure);

declare global {
  interface HTMLElementTagNameMap {
    'lede-figure': LedeFigure;
  }
}
