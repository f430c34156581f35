// ssr.html, rendered by lede-elements/ssr (render.js). Lit first, as an app's own components would import it; then
// Lit's hydration, then the elements, which take over the server's shadow roots: all three on the app's one Lit.
import 'lit';
import 'lede-elements/hydrate';
import 'lede-elements';
