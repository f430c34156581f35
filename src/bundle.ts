/**
 * dist/lede.js, for a page without a build step: the five elements register themselves when it loads. It exports
 * what such a page calls; the classes, event types and `estimateReadingTime` are the package's (`lede-elements`), for
 * bundlers, TypeScript and Node, and every class is reachable here too through `customElements.get()`.
 */
// First: lets a second copy of Lede (another plugin's) reuse Lit's Trusted Types policy instead of failing.
import './shared/lit-policy.js';
// In this order the gzipped bundle is smallest (measured: about 40 B less than alphabetical).
import './figure/define.js';
import './reading-time/define.js';
import './comment-form/define.js';
import './comments/define.js';
import './article-header/define.js';

export { registerTranslation } from './shared/translation.js';
