// The moderation page's entry (admin/index.html), built by `vite build --mode admin` into build/admin/. It registers
// the element here, in the entry: package.json's `sideEffects` names only dist/ files, so a bare import of a module
// that registers would be dropped from this build.
import { ModerationPage } from './moderation-page.js';

if (!customElements.get('moderation-page')) customElements.define('moderation-page', ModerationPage);
