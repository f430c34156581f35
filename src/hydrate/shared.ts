/**
 * Hydration on the Lit the elements themselves import, so that a server-rendered page runs one copy of Lit. Two
 * builds ship it:
 *
 * - `lede-elements/hydrate` (dist/lib/hydrate/shared.js), for bundlers and import maps: `lit` and
 *   `@lit-labs/ssr-client` stay imports, so the app's bundle holds one Lit, the app's, for the app, the elements and
 *   hydration. Import it in the module that imports the elements, first:
 *
 *     import 'lede-elements/hydrate';
 *     import 'lede-elements';
 *
 * - dist/hydrate-support.js, on the Lit of the static build (dist/<element>.js and dist/chunks/). dist/autoloader.js
 *   loads it before any element when the page has server-rendered (declarative) shadow roots; a page that loads the
 *   element modules itself loads this first:
 *
 *     <script type="module" src="/dist/hydrate-support.js"></script>
 *     <script type="module" src="/dist/figure.js"></script>
 *
 * LitElement is patched here directly rather than through its `litElementHydrateSupport` hook, which it calls only
 * while its module evaluates, and which is then often past: Lit is in the static build's shared chunk, which
 * evaluates before this module's body, and in an app, whatever imported `lit` first has evaluated it. A bundler may
 * even run the elements' definitions first, when they sit in a chunk shared with another entry (Vite does, for a site
 * of several pages): they are hydrated all the same, as long as this module runs in the same task, before their first
 * update (support.ts). Each LitElement is patched once, however many copies of this module run.
 */
import '../shared/lit-policy.js';
import { LitElement } from 'lit';
import { hydrateSupport } from './support.js';

const patched = Symbol.for('lede.hydrate');
const lit = LitElement as typeof LitElement & { [patched]?: true };
if (!lit[patched]) {
  lit[patched] = true;
  hydrateSupport({ LitElement });
}
