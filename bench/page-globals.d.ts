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

interface Window {
  /** bench/browser.js probe: when every Lede element had rendered, in ms. */
  __ready?: number;
  /** bench/browser.js probe: the Lede elements under a root, shadow roots included. */
  __lede: (root: ParentNode) => Array<HTMLElement & { updateComplete?: Promise<unknown>; isUpdatePending?: boolean }>;
  /** bench/browser.js shiftObserver: the layout shifts not caused by input. */
  __shifts: Array<{ value: number; at: number; sources: string[] }>;
  /** bench/browser.js taskObserver: long tasks and slow input events. */
  __longtasks: Array<{ at: number; duration: number }>;
  __events: Array<{ name: string; at: number; duration: number; processing: number }>;
}
