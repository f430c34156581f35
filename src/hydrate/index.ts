/**
 * dist/hydrate.js: lets the elements of dist/lede.js take over the shadow roots that `lede-elements/ssr` rendered on the
 * server (declarative shadow DOM) instead of rendering them again. Load it as a module script BEFORE dist/lede.js:
 *
 *   <script type="module" src="/dist/hydrate.js"></script>
 *   <script type="module" src="/dist/lede.js"></script>
 *
 * It sets `globalThis.litElementHydrateSupport`, which Lit's `LitElement` calls once, when it is defined. It is a
 * separate file so that pages rendered in the browser alone don't pay for it (dist/lede.js has a size budget). It
 * carries its own lit-html, as dist/lede.js does (both are self-contained): a page loads two. The other builds share
 * one: `lede-elements/hydrate` (a bundler's) and dist/hydrate-support.js (dist/autoloader.js's) install hydration on
 * the Lit the elements import (shared.ts). The browser tests load this module from src/, on the one Lit of the dev
 * server (web-test-runner.config.js).
 */
import '../shared/lit-policy.js';
import { hydrateSupport } from './support.js';

(globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport = hydrateSupport;
