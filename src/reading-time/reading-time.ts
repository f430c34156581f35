import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { byId } from '../shared/dom.js';
import { LedeElement } from '../shared/element.js';
import type { ServerPage } from '../shared/light.js';
import { styles } from './reading-time.styles.js';
import { time } from './estimate.js';
import { findTarget, measure } from './measure.js';
import type { Counts, ReadingTime } from './estimate.js';

export { estimateReadingTime } from './estimate.js';
export { estimateReadingTimeFromHtml } from './html.js';
export type { ReadingTime, ReadingTimeOptions } from './estimate.js';

/** Fired when the reading time changes, the first measurement included. */
export class LedeReadingTimeChangeEvent extends Event {
  /** Words counted (Chinese and Japanese characters one each); 0 when `minutes` is given. */
  declare readonly words: number;
  /** Images counted. */
  declare readonly images: number;
  /** Reading time in seconds. */
  declare readonly seconds: number;
  /** Reading time shown, in minutes (0: nothing to read, the element is hidden). */
  declare readonly minutes: number;

  constructor(result: ReadingTime) {
    super('lede-reading-time-change', { bubbles: true, composed: true });
    Object.assign(this, result);
  }
}

/** Nothing measured: no target, or nothing read yet. */
const NONE: Counts = { words: 0, chars: 0, images: 0 };
/** The page events after which `remaining` measures the scroll position again. */
const MOVES = ['scroll', 'resize'];

/**
 * Measures the element named by `for`, else the closest `<article>`, else `<main>` (through shadow roots), unless
 * `minutes` is given. Text inside `script`, `style`, `template`, `noscript`, `[hidden]`, `[aria-hidden="true"]`
 * and `[data-reading-time-ignore]` is not read. With nothing to read the element sets `hidden` on itself.
 *
 * @summary Reading time, given or measured from the article's text: "5 minutes de lecture", "5 min read";
 * live as the text changes, as a range, or as the time left while the reader scrolls.
 *
 * @tag lede-reading-time
 *
 * @csspart base - The `<time datetime="PT5M">` holding the text.
 *
 * @cssprop --lede-font - Font family (default: inherited).
 * @cssprop --lede-color-text - Text colour (default: inherited).
 *
 * @fires {LedeReadingTimeChangeEvent} lede-reading-time-change - The reading time changed (first measurement included).
 */
export class LedeReadingTime extends LedeElement {
  static override styles = styles;
  // `static properties` rather than one decorator call per property: the same API in fewer bytes.
  static override properties = {
    for: {},
    wpm: { type: Number },
    range: { type: Boolean },
    remaining: { type: Boolean },
    minutes: { type: Number },
    left: { state: true },
  };

  /** Id of the element to measure (looked up in this element's tree, then in the document). */
  for?: string;
  /** Reading speed in words per minute (characters per minute in Chinese and Japanese) instead of the language's. */
  wpm?: number;
  /** Shows a range from the spread of reading speeds: "4–5 minutes de lecture" (measured times only, not `minutes`). */
  range = false;
  /** Shows the time left as the reader scrolls through the measured element, then "Lecture terminée" (also from `minutes`). */
  remaining = false;

  /**
   * Minutes to show as given, instead of measuring (attribute or property; removing it measures again). Reading it
   * gives the minutes shown: given, else measured (0: nothing to read).
   */
  get minutes(): number {
    return this.#result.minutes;
  }
  set minutes(value: number | undefined) {
    this.#check('minutes', value);
    this.#given = value !== undefined && value > 0 ? Math.ceil(value) : 0;
    this.requestUpdate();
  }

  /** Words measured (Chinese and Japanese characters one each). */
  get words(): number {
    return this.#result.words;
  }
  /** Images measured. */
  get images(): number {
    return this.#result.images;
  }
  /** Reading time measured, in seconds. */
  get seconds(): number {
    return this.#result.seconds;
  }

  /** Minutes left with `remaining`, 0 when finished; undefined before the first scroll measurement. */
  private left?: number;
  /** Counts of the measured element; undefined until measured. */
  #counts?: Counts;
  /** `minutes` when it is a positive number (rounded up), else 0. */
  #given = 0;
  #result = time(NONE);
  /** The last result announced by an event, as JSON. */
  #fired = '';
  #empty?: boolean;
  /** `#inputs()` when the element was last attached. */
  #attached?: string;
  #target?: Element;
  #observer?: MutationObserver;
  #timer?: ReturnType<typeof setTimeout>;
  #frame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach();
  }

  protected override willUpdate(): void {
    this.#check('wpm', this.wpm);
    const given = this.#given;
    this.#result = given
      ? { words: 0, images: 0, seconds: given * 60, minutes: given }
      : time(this.#counts ?? NONE, this.localize.lang, this.wpm);
  }

  override render(): TemplateResult {
    const l = this.localize;
    const { seconds } = this.#result;
    let n = this.#result.minutes;
    if (!n) return html``;
    let text = l.plural('readingTime', n);
    if (this.remaining) {
      n = this.left ?? n;
      text = n ? l.plural('readingTimeLeft', n) : l.t('readingTimeDone');
    } else if (this.range && !this.#given) {
      // Reading-speed spread: ±12 %, as Firefox's reader view (English: 987 ± 118 characters/min, from IReST).
      const min = Math.ceil(seconds / 1.12 / 60);
      const max = Math.ceil(seconds / 0.88 / 60);
      if (max > min) text = l.plural('readingTimeRange', max, { min: l.number(min) });
    }
    return html`<time part="base" datetime="PT${n}M">${text}</time>`;
  }

  protected override updated(): void {
    // Attaching sets state, so it waits for this update to finish (Lit warns about a change in `updated`).
    if (this.#attached !== this.#inputs()) queueMicrotask(() => this.isConnected && this.#attach());
    this.writeOutsideShadow();
    const result = this.#result;
    const json = JSON.stringify(result);
    if (json !== this.#fired && (this.#counts || this.#given)) {
      this.#fired = json;
      // Dispatched from a variable: the manifest analyzer reads an inline `new …Event(…)` as one more, unnamed event.
      const event = new LedeReadingTimeChangeEvent(result);
      this.dispatchEvent(event);
    }
    if (this.remaining) this.#schedule();
  }

  /** Hidden while there is nothing to read; a `hidden` set by the page on a non-empty element is left alone. */
  override writeOutsideShadow(): void {
    const empty = !this.#result.minutes;
    if (empty ? !this.#empty : this.#empty) this.toggleAttribute('hidden', empty);
    this.#empty = empty;
  }

  /** What the browser measures in `connectedCallback`, measured in the markup (the target is not watched there). */
  protected override readServerPage(page: ServerPage): void {
    const target = findTarget(page.anchor, this.for, page.getElementById);
    if (target) this.#counts = measure(target);
  }

  /** Warns once about a `minutes` or `wpm` that is given but not a positive number. */
  #check(name: string, value?: number): void {
    if (value !== undefined && value !== null && !(value > 0)) this.ignore(name, value);
  }

  /** What decides the element to measure and how it is watched. */
  #inputs(): string {
    return [this.for, this.#given, this.remaining].join();
  }

  /** Finds the element to measure, measures it and observes it (and the scroll position with `remaining`). */
  #attach(): void {
    this.#detach();
    this.#attached = this.#inputs();
    const given = this.#given;
    const id = this.for;
    if (given && !this.remaining) return;
    const target = findTarget(this, id, (id) => this.#byId(id)) as HTMLElement | undefined;
    if (!target) {
      // Lit sets a removed attribute's property to null.
      if (!given) this.warn('for', id !== undefined && id !== null ? `"${id}" not found` : 'no article or main');
      this.#counts = NONE;
      this.requestUpdate();
      return;
    }
    this.#target = target;
    if (!given) {
      const read = () => {
        this.#counts = measure(target);
        this.requestUpdate();
      };
      read();
      this.#observer = new MutationObserver(() => {
        clearTimeout(this.#timer);
        this.#timer = setTimeout(read, 200);
      });
      this.#observer.observe(target, {
        childList: true,
        characterData: true,
        subtree: true,
        attributeFilter: ['hidden', 'aria-hidden'],
      });
    }
    if (this.remaining)
      for (const type of MOVES) addEventListener(type, this.#schedule, { passive: true, capture: true });
  }

  /** The element with this id in the same shadow root, else in the document. */
  #byId(id: string): HTMLElement | null {
    const root = this.getRootNode();
    return (root instanceof ShadowRoot && root.getElementById(id)) || byId(id);
  }

  #detach(): void {
    this.#observer?.disconnect();
    clearTimeout(this.#timer);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#target = undefined;
    for (const type of MOVES) removeEventListener(type, this.#schedule, true);
  }

  /**
   * At most once per animation frame, the minutes left: the share of the measured element still below the viewport.
   * Finished once its end is in view after its start has scrolled past the top; an element wholly in view and not
   * yet scrolled counts in full.
   */
  #schedule = () => {
    const target = this.#target;
    if (target && !this.#frame)
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        const { top, bottom, height } = target.getBoundingClientRect();
        const below = Math.min(Math.max(bottom - innerHeight, 0), height) / (height || 1);
        this.left = Math.ceil((this.#result.seconds * (below || top < 0 ? below : 1)) / 60);
      });
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lede-reading-time-change': LedeReadingTimeChangeEvent;
  }
}
