import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../shared/define.js';
import { LedeElement } from '../shared/element.js';
import { styles } from './reading-time.styles.js';
import { count, time } from './estimate.js';
import type { Counts, ReadingTime } from './estimate.js';

export { estimateReadingTime } from './estimate.js';
export type { ReadingTime, ReadingTimeOptions } from './estimate.js';

/** Fired when the reading time changes, the first measurement included. */
export class LedeReadingTimeChangeEvent extends Event {
  constructor(
    /** Words counted (Chinese and Japanese characters one each); 0 when `minutes` is given. */
    readonly words: number,
    /** Images counted. */
    readonly images: number,
    /** Reading time in seconds. */
    readonly seconds: number,
    /** Reading time shown, in minutes (0: nothing to read, the element is hidden). */
    readonly minutes: number,
  ) {
    super('lede-reading-time-change', { bubbles: true, composed: true });
  }
}

/** Subtrees that are not read. */
const SKIP = 'script,style,template,noscript,[hidden],[aria-hidden="true"],[data-reading-time-ignore]';
/** Inline elements that may split a word ("l'<a>agence</a>"); any other element starts a new word. */
const INLINE = /^(a|abbr|b|bdi|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|time|u)$/;
/** Reading-speed spread for `range`: ±12 %, as Firefox's reader view (English: 987 ± 118 characters/min, from IReST). */
const SPREAD = 0.12;

/** Visible text and images of an element, as `count` takes them. One pass over its light DOM. */
function measure(root: Element): Counts & { images: number } {
  // 5: NodeFilter.SHOW_ELEMENT | SHOW_TEXT; 2: FILTER_REJECT (skips the subtree), 1: FILTER_ACCEPT.
  const walker = document.createTreeWalker(root, 5, (node) => (node instanceof Element && node.matches(SKIP) ? 2 : 1));
  const text: string[] = [];
  let images = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node instanceof Element)) text.push((node as Text).data);
    else if (node.localName === 'img') images++;
    else if (!INLINE.test(node.localName) || node.slot) text.push(' ');
  }
  return { ...count(text.join('')), images };
}

/** The closest ancestor matching `selector`, crossing shadow roots through their hosts. */
function closest(from: Element, selector: string): Element | null {
  for (let node: Element | undefined = from; node; node = (node.getRootNode() as ShadowRoot).host) {
    const found = node.closest(selector);
    if (found) return found;
  }
  return null;
}

/**
 * @summary Reading time, given or measured from the article's text: "5 minutes de lecture", "5 min read";
 * live as the text changes, as a range, or as the time left while the reader scrolls.
 *
 * @tag lede-reading-time
 *
 * Measures the element named by `for`, else the closest `<article>`, else `<main>` (through shadow roots), unless
 * `minutes` is given. Text inside `script`, `style`, `template`, `noscript`, `[hidden]`, `[aria-hidden="true"]`
 * and `[data-reading-time-ignore]` is not read. With nothing to read the element sets `hidden` on itself.
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

  /** Id of the element to measure (looked up in this element's tree, then in the document). */
  @property() for?: string;
  /** Reading speed in words per minute (characters per minute in Chinese and Japanese) instead of the language's. */
  @property({ type: Number }) wpm?: number;
  /** Shows a range from the spread of reading speeds: "4–5 minutes de lecture" (measured times only, not `minutes`). */
  @property({ type: Boolean }) range = false;
  /** Shows the time left as the reader scrolls through the measured element, then "Lecture terminée" (also from `minutes`). */
  @property({ type: Boolean }) remaining = false;

  /**
   * Minutes to show as given, instead of measuring (attribute or property; removing it measures again). Reading it
   * gives the minutes shown: given, else measured (0: nothing to read).
   */
  @property({ type: Number })
  get minutes(): number {
    return this.result.minutes;
  }
  set minutes(value: number | undefined) {
    this.given = value;
    this.requestUpdate();
  }

  /** Words measured (Chinese and Japanese characters one each). */
  get words(): number {
    return this.result.words;
  }
  /** Images measured. */
  get images(): number {
    return this.result.images;
  }
  /** Reading time measured, in seconds. */
  get seconds(): number {
    return this.result.seconds;
  }

  private given?: number;
  @state() private counts?: Counts & { images: number };
  /** Minutes left with `remaining`, 0 when finished; undefined before the first scroll measurement. */
  @state() private left?: number;
  private result: ReadingTime = { words: 0, images: 0, seconds: 0, minutes: 0 };
  private fired = '';
  private empty?: boolean;
  private attached?: string;
  private target?: Element;
  private observer?: MutationObserver;
  private timer?: ReturnType<typeof setTimeout>;
  private frame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  protected override willUpdate(): void {
    for (const [name, value] of [['minutes', this.given], ['wpm', this.wpm]] as const) {
      if (value != null && !(value > 0)) this.warn(name, `"${this.getAttribute(name) ?? value}" is not a positive number; ignored`);
    }
    const given = this.given! > 0 ? Math.ceil(this.given!) : 0;
    this.result = given
      ? { words: 0, images: 0, seconds: given * 60, minutes: given }
      : time(this.counts ?? { words: 0, chars: 0 }, { lang: this.localize.lang, wpm: this.wpm, images: this.counts?.images });
  }

  override render(): TemplateResult {
    const l = this.localize;
    let n = this.result.minutes;
    if (!n) return html``;
    let text = l.plural('readingTime', n);
    if (this.remaining) {
      n = this.left ?? n;
      text = n ? l.plural('readingTimeLeft', n) : l.t('readingTimeDone');
    } else if (this.range && !(this.given! > 0)) {
      const min = Math.max(1, Math.ceil(this.result.seconds / (1 + SPREAD) / 60));
      const max = Math.ceil(this.result.seconds / (1 - SPREAD) / 60);
      if (max > min) text = l.plural('readingTimeRange', max, { min: l.number(min) });
    }
    return html`<time part="base" datetime="PT${n}M">${text}</time>`;
  }

  protected override updated(): void {
    // Attaching sets state, so it waits for this update to finish (Lit warns about a change in `updated`).
    if (this.attached !== this.inputs()) queueMicrotask(() => this.isConnected && this.attach());
    const { words, images, seconds, minutes } = this.result;
    // Hidden while there is nothing to read; a `hidden` set by the page on a non-empty element is left alone.
    if (!minutes !== this.empty) {
      if (!minutes || this.empty) this.hidden = !minutes;
      this.empty = !minutes;
    }
    const key = [words, images, seconds, minutes].join();
    if (key !== this.fired && (this.counts || this.given! > 0)) {
      this.fired = key;
      const event = new LedeReadingTimeChangeEvent(words, images, seconds, minutes);
      this.dispatchEvent(event);
    }
    if (this.remaining) this.schedule();
  }

  /** What decides the element to measure and how it is watched. */
  private inputs(): string {
    return [this.for, this.given! > 0, this.remaining].join();
  }

  /** Finds the element to measure, measures it and observes it (and the scroll position with `remaining`). */
  private attach(): void {
    this.detach();
    this.attached = this.inputs();
    const given = this.given! > 0;
    if (given && !this.remaining) return;
    const id = this.for;
    let target: Element | null;
    if (id != null) {
      const root = this.getRootNode();
      target = (root instanceof Document || root instanceof ShadowRoot ? root.getElementById(id) : null) ?? document.getElementById(id);
    } else target = closest(this, 'article') ?? closest(this, 'main');
    if (!target) {
      if (!given) this.warn('for', id != null ? `no element has the id "${id}"` : 'no <article> or <main> to measure');
      this.counts = { words: 0, chars: 0, images: 0 };
      return;
    }
    this.target = target;
    if (!given) {
      this.counts = measure(target);
      this.observer = new MutationObserver(() => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => (this.counts = measure(target)), 200);
      });
      this.observer.observe(target, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-hidden'] });
    }
    if (this.remaining) {
      addEventListener('scroll', this.schedule, { passive: true, capture: true });
      addEventListener('resize', this.schedule, { passive: true });
    }
  }

  private detach(): void {
    this.observer?.disconnect();
    clearTimeout(this.timer);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.target = undefined;
    removeEventListener('scroll', this.schedule, { capture: true });
    removeEventListener('resize', this.schedule);
  }

  /** At most one progress measurement per animation frame. */
  private schedule = () => {
    if (!this.frame && this.target) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.progress()));
  };

  /**
   * Minutes left: the share of the measured element still below the viewport. Finished once its end is in view
   * after its start has scrolled past the top; an element wholly in view and not yet scrolled counts in full.
   */
  private progress(): void {
    const rect = this.target!.getBoundingClientRect();
    const below = Math.min(Math.max(rect.bottom - innerHeight, 0), rect.height) / (rect.height || 1);
    this.left = Math.ceil((this.result.seconds * (below || rect.top < 0 ? below : 1)) / 60);
  }
}

define('lede-reading-time', LedeReadingTime);

declare global {
  interface HTMLElementTagNameMap {
    'lede-reading-time': LedeReadingTime;
  }
  interface GlobalEventHandlersEventMap {
    'lede-reading-time-change': LedeReadingTimeChangeEvent;
  }
}
