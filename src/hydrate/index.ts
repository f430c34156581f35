/**
 * dist/hydrate.js: lets the elements of dist/lede.js take over the shadow roots that `lede-elements/ssr` rendered on the
 * server (declarative shadow DOM) instead of rendering them again. Load it as a module script BEFORE dist/lede.js:
 *
 *   <script type="module" src="/dist/hydrate.js"></script>
 *   <script type="module" src="/dist/lede.js"></script>
 *
 * It sets `globalThis.litElementHydrateSupport`, which Lit's `LitElement` calls once, when it is defined. It is a
 * separate file so that pages rendered in the browser alone don't pay for it (dist/lede.js has a size budget). It
 * carries its own lit-html (dist/lede.js is self-contained); dist/autoloader.js uses dist/hydrate-support.js instead,
 * which shares the elements' copy of Lit (shared.ts).
 */
import '../shared/lit-policy.js';
import { hydrateSupport } from './support.js';

(globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport = hydrateSupport;
