/**
 * Registers a custom element once. Loading Lede twice (the bundle from two plugins, or the bundle plus a
 * per-element module) must not throw `NotSupportedError`, so a tag that is already defined is left alone.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, constructor);
}
