/** Handlers of one event type on one page-wide target: `add` one, `delete` it. */
export interface SharedListener<E extends Event> {
  add(handler: (event: E) => void): void;
  delete(handler: (event: E) => void): void;
}

/**
 * One listener on a page-wide target (the document, the window) for every element that wants its events, rather
 * than one per element: the browser compares each listener added to a target with all those it already holds, so
 * a page connecting a thousand elements that each add their own spends time growing with the square of their
 * number. The target's listener is there while any handler is; it calls them in the order they were added, and
 * skips one deleted during the event, as the browser does. `target` is a function: in Node (server rendering)
 * there is no document or window to read when the module loads.
 */
export function sharedListener<E extends Event = Event>(target: () => EventTarget, type: string): SharedListener<E> {
  const handlers = new Set<(event: E) => void>();
  const dispatch = (event: Event) => handlers.forEach((handler) => handler(event as E));
  return {
    add(handler) {
      if (!handlers.size) target().addEventListener(type, dispatch);
      handlers.add(handler);
    },
    delete(handler) {
      if (handlers.delete(handler) && !handlers.size) target().removeEventListener(type, dispatch);
    },
  };
}
