// What the benchmark pages and the scripts that drive them leave on `window`.
interface Window {
  /** bench/ssr-fcp.js: when the header's date and the comment form's textarea were first both rendered, in ms. */
  __ledeComplete?: number;
}

interface Window {
  /** bench/browser.js: the errors thrown in the page, recorded by the probe it injects. */
  __errors?: string[];
  /** bench/pages/instances.js: what bench/browser.js calls in the page. */
  bench?: typeof import('./pages/instances.js');
}
