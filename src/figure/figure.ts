import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../shared/define.js';
import { LedeElement } from '../shared/element.js';
import { safeUrl } from '../shared/url.js';
import { styles } from './figure.styles.js';
import { safeSrcset } from './srcset.js';

/** Fired when the image cannot be loaded, or when there is no image at all (`src` is then empty). */
export class LedeFigureErrorEvent extends Event {
  constructor(
    /** The URL that failed. */
    readonly src: string,
  ) {
    super('lede-figure-error', { bubbles: true, composed: true });
  }
}

interface Zoom {
  src?: string;
  srcset?: string;
  alt: string;
  caption: string;
  credit: string;
}

/**
 * @summary An image with its caption and copyright credit, as news sites show them: `<figure>` and
 * `<figcaption>`, localised labels for screen readers, space reserved before the image loads, optional zoom.
 *
 * @slot - A light-DOM `<img>` (or `<picture>`), shown even without JavaScript and used as is.
 * @slot caption - The caption, instead of the `caption` attribute.
 * @slot credit - The credit, instead of the `credit` attribute.
 *
 * @csspart base - The `<figure>`.
 * @csspart image - The image rendered from the `src` attribute (a light-DOM image is styled by the page).
 * @csspart caption - The caption.
 * @csspart credit - The credit.
 * @csspart dialog - The zoom `<dialog>`.
 *
 * @cssprop --lede-figure-overlay-background - Background of the credit over the image (default 75 % black).
 * @cssprop --lede-figure-overlay-color - Text colour of the credit over the image (default white).
 * @cssprop --lede-figure-caption-font - Font family of the caption (default: inherited).
 * @cssprop --lede-figure-caption-size - Font size of the caption (default 0.875em).
 * @cssprop --lede-figure-caption-color - Colour of the caption (default `--lede-color-muted`).
 *
 * @fires {LedeFigureErrorEvent} lede-figure-error - The image failed to load or is missing.
 */
export class LedeFigure extends LedeElement {
  static override styles = styles;

  /** Image URL, used when there is no light-DOM `<img>`. */
  @property() src?: string;
  /** Alternative text of the `src` image. */
  @property() alt?: string;
  /** Intrinsic width of the `src` image, in pixels; with `height`, reserves its box before it loads. */
  @property({ type: Number }) width?: number;
  /** Intrinsic height of the `src` image, in pixels. */
  @property({ type: Number }) height?: number;
  /** `srcset` of the `src` image; unsafe candidates are left out. */
  @property() srcset?: string;
  /** `sizes` of the `src` image. */
  @property() sizes?: string;
  /** Loading of the `src` image: `lazy` (default) or `eager`. */
  @property() loading: 'lazy' | 'eager' = 'lazy';
  /** Loads the `src` image eagerly with high fetch priority (the lead image). */
  @property({ type: Boolean }) priority = false;
  /** Caption text, used when the `caption` slot is empty. */
  @property() caption?: string;
  /** Credit text, used when the `credit` slot is empty. */
  @property() credit?: string;
  /** Makes the credit a link to this URL. */
  @property({ attribute: 'credit-href' }) creditHref?: string;
  /** URL of the image's licence; the credit link then gets `rel="license"`. */
  @property() license?: string;
  /** Where the credit sits: `overlay` (default, over the image's bottom corner) or `below` (in the caption line). */
  @property({ attribute: 'credit-position', reflect: true }) creditPosition: 'overlay' | 'below' = 'overlay';
  /** Shows the "Caption" and "Image credit" labels, which are otherwise only read by screen readers. */
  @property({ attribute: 'show-labels', type: Boolean, reflect: true }) showLabels = false;
  /** Lets the reader open the image full size in a modal dialog. */
  @property({ type: Boolean, reflect: true }) zoomable = false;

  @state() private light?: HTMLImageElement;
  @state() private slotted = '';
  @state() private broken = false;
  @state() private zoom?: Zoom;

  override connectedCallback(): void {
    super.connectedCallback();
    // `load` and `error` do not bubble; capturing on the host hears them from the light-DOM image.
    this.addEventListener('error', this.onImage, true);
    this.addEventListener('load', this.onImage, true);
    this.sync();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('creditPosition') && !['overlay', 'below'].includes(this.creditPosition)) {
      this.warn('credit-position', `"${this.creditPosition}" is not overlay or below; using overlay`);
    }
    for (const name of ['width', 'height'] as const) {
      const value = this[name];
      if (changed.has(name) && value !== undefined && !(value > 0)) this.warn(name, `"${this.getAttribute(name)}" is not a positive number`);
    }
    if (!this.hasUpdated || changed.has('src')) {
      if (!this.light) this.broken = false;
      this.missing();
    }
  }

  override render(): TemplateResult {
    const t = (key: 'caption' | 'credit') => this.localize.t(key);
    const hasCaption = !!this.caption || this.slotted.includes('caption');
    const hasCredit = !!this.credit || this.slotted.includes('credit');
    const href = safeUrl(this.creditHref);
    const slot = html`<slot name="credit" @slotchange=${this.sync}>${this.credit}</slot>`;
    return html`
      <figure part="base">
        <div class=${this.broken ? 'frame broken' : 'frame'}>
          <slot @slotchange=${this.sync}></slot>
          ${this.light ? nothing : this.image()}
          ${this.broken ? html`<span class="unavailable">${this.localize.t('imageUnavailable')}</span>` : nothing}
          ${this.zoomable ? html`<button type="button" class="zoom" @click=${this.open}><span class="visually-hidden">${this.localize.t('enlarge')}</span></button>` : nothing}
        </div>
        <figcaption ?hidden=${!hasCaption && !hasCredit}>
          <span class="caption" part="caption" ?hidden=${!hasCaption}
            ><span class="label">${t('caption')}:</span> <slot name="caption" @slotchange=${this.sync}>${this.caption}</slot></span
          >
          <span class="credit" part="credit" ?hidden=${!hasCredit}
            ><span class="label">${t('credit')}:</span>
            ${href ? html`<a href=${href} rel=${this.license ? 'license noopener' : nothing}>${slot}</a>` : slot}</span
          >
        </figcaption>
      </figure>
      ${this.zoomable ? this.dialog() : nothing}
    `;
  }

  /** The image from the attributes; without a usable `src` it still holds the box and the alt text. */
  private image(): TemplateResult {
    return html`<img
      part="image"
      src=${safeUrl(this.src) ?? nothing}
      alt=${this.alt ?? ''}
      width=${this.width! > 0 ? this.width : nothing}
      height=${this.height! > 0 ? this.height : nothing}
      srcset=${safeSrcset(this.srcset) ?? nothing}
      sizes=${this.sizes || nothing}
      loading=${this.priority || this.loading === 'eager' ? 'eager' : 'lazy'}
      fetchpriority=${this.priority ? 'high' : 'auto'}
      @error=${this.onImage}
      @load=${this.onImage}
    />`;
  }

  private dialog(): TemplateResult {
    const z = this.zoom;
    return html`<dialog part="dialog" closedby="any" aria-label=${z?.alt || z?.caption || nothing}>
      <form method="dialog"><button class="close">${this.localize.t('close')}</button></form>
      ${z
        ? html`<img src=${z.src ?? nothing} srcset=${z.srcset ?? nothing} sizes="100vw" alt=${z.alt} />
            <p>${z.caption} ${z.credit ? html`<span class="label">${this.localize.t('credit')}:</span> ${z.credit}` : nothing}</p>`
        : nothing}
    </dialog>`;
  }

  protected override updated(): void {
    this.structuredData();
  }

  /** Reads the light DOM: the image, and which slots are filled. */
  private sync = () => {
    const img = this.querySelector<HTMLImageElement>(':scope > img, :scope > picture > img') ?? undefined;
    this.slotted = [...this.querySelectorAll(':scope > [slot]')].map((el) => el.slot).join(' ');
    if (img !== this.light) {
      this.light = img;
      this.broken = false;
      if (img?.complete && !img.naturalWidth) this.fail(img.getAttribute('src') ?? '');
    }
    if (this.hasUpdated) this.missing();
  };

  private missing(): void {
    if (this.light || safeUrl(this.src)) return;
    this.fail('', this.src ? `"${this.src}" is not an http(s) or relative URL` : 'no image: add an <img> child or a src attribute');
  }

  /** `load` or `error` of the current image. */
  private onImage = (event: Event) => {
    const img = this.currentImage();
    if (event.target !== img) return;
    if (event.type === 'load') this.broken = false;
    else this.fail((event.target as HTMLImageElement).getAttribute('src') ?? '');
  };

  private fail(src: string, message = `the image ${src} could not be loaded`): void {
    if (this.broken || !this.isConnected) return;
    this.broken = true;
    this.warn('src', message);
    const event = new LedeFigureErrorEvent(src);
    this.dispatchEvent(event);
  }

  /** Text of a slot, or of its attribute. */
  private text(name: 'caption' | 'credit'): string {
    const slotted = [...this.querySelectorAll(`:scope > [slot=${name}]`)].map((el) => el.textContent!.trim());
    return slotted.join(' ') || this[name]?.trim() || '';
  }

  private currentImage(): HTMLImageElement | null {
    return this.light ?? this.renderRoot.querySelector('[part=image]');
  }

  private async open(): Promise<void> {
    const img = this.currentImage();
    this.zoom = {
      src: safeUrl(img?.currentSrc || img?.src),
      srcset: safeSrcset(img?.getAttribute('srcset')),
      alt: img?.alt ?? '',
      caption: this.text('caption'),
      credit: this.text('credit'),
    };
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')!.showModal();
  }

  /**
   * schema.org ImageObject as JSON-LD in the light DOM (a `<script>` outside any slot), where crawlers that run
   * scripts read it; microdata inside the shadow root would be invisible to them.
   */
  private structuredData(): void {
    const url = safeUrl(this.currentImage()?.src);
    let script = this.querySelector<HTMLScriptElement>(':scope > script[slot=lede-data]');
    if (!url) {
      script?.remove();
      return;
    }
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      script.slot = 'lede-data';
      this.append(script);
    }
    const credit = this.text('credit') || undefined;
    const data = {
      '@context': 'https://schema.org',
      '@type': 'ImageObject',
      contentUrl: url,
      caption: this.text('caption') || undefined,
      creditText: credit,
      copyrightNotice: credit,
      license: safeUrl(this.license),
    };
    script.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
  }
}

define('lede-figure', LedeFigure);

declare global {
  interface HTMLElementTagNameMap {
    'lede-figure': LedeFigure;
  }
  interface GlobalEventHandlersEventMap {
    'lede-figure-error': LedeFigureErrorEvent;
  }
}
