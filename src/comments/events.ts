/**
 * Fired when the thread has been loaded (or read from the page), with the number of published comments. It bubbles
 * and crosses shadow roots, so a page, or a `<lede-article-header comments-for>`, hears it on `document`.
 */
export class LedeCommentsLoadEvent extends Event {
  /** Number of published comments, replies included. */
  readonly count: number;
  constructor(count: number) {
    super('lede-comments-load', { bubbles: true, composed: true });
    this.count = count;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lede-comments-load': LedeCommentsLoadEvent;
  }
}
