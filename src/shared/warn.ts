const warned = new WeakMap<object, Set<string>>();

/**
 * Warns about a bad attribute value once per element and attribute, so a template that re-renders does not
 * flood the console. Never throws: bad input is reported, not fatal.
 */
export function warnOnce(element: Element, attribute: string, message: string): void {
  let seen = warned.get(element);
  if (!seen) warned.set(element, (seen = new Set()));
  if (seen.has(attribute)) return;
  seen.add(attribute);
  console.warn(`[lede] <${element.localName}> ${attribute}: ${message}`);
}
