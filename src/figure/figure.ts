import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { LedeElement } from '../shared/element.js';
import { jsonLd, writeJsonLd } from '../shared/json-ld.js';
import { pageUrls } from '../shared/dom.js';
import { absoluteUrl, safeUrl } from '../shared/url.js';
import type { PageUrls } from '../shared/url.js';
import type { LightElement, ServerPage } from '../shared/light.js';
import { styles } from './figure.styles.js';
import { safeSrcset } from './srcset.js';
import type { Zoomed, zoomDialog } from './zoom.js';

/** What `<lede-figure>` reads from its light DOM (`LedeFigure.readLight`). */
export interface FigureLight {
  /** The light-DOM image: an `<img>` child, or the `<img>` of a `<picture>` child. */
  image?: LightElement;
  /** The `slot` of each child ('' for the default slot). */
  slots: string[];
  /** The children, whose text the caption and credit slots show. */
  children: LightElement[];
}

/** The attributes that make the browser fetch the lead image (`priority`) first. */
const LEAD_IMAGE = { fetchpriority: 'high', loading: 'eager' };

const NO_LIGHT: FigureLight = { slots: [], children: [] };

/**
 * A new reading of the light DOM renders again only when the image or the filled slots differ: a `slotchange` that
 * changes neither (Chromium fires one when a slot's fallback text is rendered anew) must not render, or it loops.
 */
const lightChanged = (next: FigureLight, previous?: FigureLight) =>
  next.image !== previous?.image || next.slots.join() !== previous?.slots.join();

/** Fired when the image cannot be loaded, or when there is no image at all (`src` is then empty). */
export class LedeFigureErrorEvent extends Event {
  constructor(
    /** The URL that failed. */
    readonly src: string,
  ) {
    super('lede-figure-error', { bubbles: true, composed: true });
  }
}

/**
 * A figure for an article's images. The image is a light-DOM `<img>` or `<picture>` (shown without JavaScript), else
 * one rendered from `src`; the caption and the credit come from their slots or attributes; a failed or missing image
 * is shown as unavailable and reported with `lede-figure-error`; the image's schema.org JSON-LD is added to the page.
 *
 * @summary An image with its caption and copyright credit, as news sites show them: `<figure>` and
 * `<figcaption>`, localised labels for screen readers, space reserved before the image loads, optional zoom.
 *
 * @tag lede-figure
 *
 * @slot - A light-DOM `<img>` (or `<picture>`), shown even without JavaScript and used as is.
 * @slot caption - The caption, instead of the `caption` attribute.
 * @slot credit - The credit, instead of the `credit` attribute.
 *
 * @csspart base - The `<figure>`.
 * @csspart image - The image rendered from the `src` attribute (a light-DOM image is styled by the page).
 * @csspart caption - The caption.
 * @csspart credit - The credit.
 * @csspart dialog - The zoom `<dialog>` (rendered on the first zoom).
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
  // `static properties` rather than one decorator call per property: the same API in fewer bytes.
  static override properties = {
    src: {},
    alt: {},
    width: { type: Number },
    height: { type: Number },
    srcset: {},
    sizes: {},
    loading: {},
    priority: { type: Boolean },
    caption: {},
    credit: {},
    creditHref: { attribute: 'credit-href' },
    license: {},
    creator: {},
    copyright: {},
    acquireLicensePage: { attribute: 'acquire-license-page' },
    creditPosition: { attribute: 'credit-position', reflect: true },
    showLabels: { attribute: 'show-labels', type: Boolean, reflect: true },
    zoomable: { type: Boolean, reflect: true },
    light: { state: true, hasChanged: lightChanged },
    broken: { state: true },
    zoom: { state: true },
  };

  /** Image URL, used when there is no light-DOM `<img>`. */
  src?: string;
  /** Alternative text of the `src` image. */
  alt?: string;
  /** Intrinsic width of the `src` image, in pixels; with `height`, reserves its box before it loads. */
  width?: number;
  /** Intrinsic height of the `src` image, in pixels. */
  height?: number;
  /** `srcset` of the `src` image; unsafe candidates are left out. */
  srcset?: string;
  /** `sizes` of the `src` image. */
  sizes?: string;
  /** Loading of the `src` image: `lazy` (default) or `eager`. */
  loading: 'lazy' | 'eager' = 'lazy';
  /** Loads the image eagerly with high fetch priority (the lead image): the `src` image, or the light-DOM `<img>`, given `fetchpriority="high"` and `loading="eager"`. */
  priority = false;
  /** Caption text, used when the `caption` slot is empty. */
  caption?: string;
  /** Credit text, used when the `credit` slot is empty. */
  credit?: string;
  /** Makes the credit a link to this URL. */
  creditHref?: string;
  /** URL of the image's licence; the credit link then gets `rel="license"`. `license` in the JSON-LD. */
  license?: string;
  /** Who made the image (photographer, illustrator): `creator` (a `Person`) in the JSON-LD. */
  creator?: string;
  /** Copyright notice of the image ("© 2019 AFP"): `copyrightNotice` in the JSON-LD. */
  copyright?: string;
  /** URL of a page where a licence to use the image can be obtained: `acquireLicensePage` in the JSON-LD. */
  acquireLicensePage?: string;
  /** Where the credit sits: `overlay` (default, over the image's bottom corner) or `below` (in the caption line). */
  creditPosition: 'overlay' | 'below' = 'overlay';
  /** Shows the "Caption" and "Image credit" labels, which are otherwise only read by screen readers. */
  showLabels = false;
  /** Lets the reader open the image full size in a modal dialog (not a decorative image: `alt=""`). */
  zoomable = false;

  /** The light DOM, as last read (`readLight`). */
  private light: FigureLight = NO_LIGHT;
  private broken = false;
  /** What the zoom dialog shows, read when it opens, and the dialog itself (zoom.ts, loaded on the first zoom). */
  private zoom?: Zoomed & { dialog: typeof zoomDialog };

  override connectedCallback(): void {
    super.connectedCallback();
    // `load` and `error` do not bubble; capturing on the host hears them from the light-DOM image.
    this.addEventListener('error', this.#onImage, true);
    this.addEventListener('load', this.#onImage, true);
    this.#sync();
  }

  /** Checks the attributes (a bad value is ignored with one warning) and that there is an image to show. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const { creditPosition: position, src } = this;
    const light = this.light.image;
    if (position !== 'overlay' && position !== 'below') this.ignore('credit-position', position);
    for (const name of ['width', 'height'] as const) {
      if (!(this[name] === undefined || this[name] === null || this[name] > 0)) this.ignore(name);
    }
    if (changed.has('src') && !light) this.broken = false;
    if (!light && !safeUrl(src)) this.#fail('', src ? `"${src}" ignored` : 'no image');
  }

  override render(): TemplateResult {
    const l = this.localize;
    const label = (key: 'caption' | 'credit') =>
      html`<span class=${this.showLabels ? 'label' : 'label visually-hidden'}>${l.t(key)}:</span>`;
    const { caption, credit, broken } = this;
    const { image: light, slots } = this.light;
    // A decorative image (alt="") is not offered for zoom; the button names the image (its alt, else its caption).
    const imageAlt = light ? light.getAttribute('alt') : this.alt || '';
    const zoomable = this.zoomable && imageAlt !== '';
    const named = imageAlt?.trim() || this.#text('caption');
    const hasCaption = !!caption || slots.includes('caption');
    const hasCredit = !!credit || slots.includes('credit');
    const href = safeUrl(this.creditHref);
    const slot = html`<slot name="credit">${credit}</slot>`;
    const zoom = zoomable && this.zoom;
    // slotchange bubbles: one listener on the figure hears all three slots.
    return html`
      <figure part="base" aria-labelledby=${hasCaption ? 'caption' : nothing} @slotchange=${this.#sync}>
        <div class="frame">
          <slot></slot>
          ${
            light
              ? nothing
              : html`<img
                part="image"
                src=${safeUrl(this.src) ?? nothing}
                alt=${this.alt ?? ''}
                width=${this.width !== undefined && this.width > 0 ? this.width : nothing}
                height=${this.height !== undefined && this.height > 0 ? this.height : nothing}
                srcset=${safeSrcset(this.srcset) ?? nothing}
                sizes=${this.sizes || nothing}
                loading=${this.priority || this.loading === 'eager' ? 'eager' : 'lazy'}
                fetchpriority=${this.priority ? 'high' : 'auto'}
                @error=${this.#onImage}
                @load=${this.#onImage}
              />`
          }
          ${broken ? html`<span class="unavailable">${l.t('imageUnavailable')}</span>` : nothing}
          ${zoomable ? html`<button class="zoom" aria-label=${named ? l.t('enlargeImage', { image: named }) : l.t('enlarge')} @click=${this.#open}></button>` : nothing}
        </div>
        <figcaption ?hidden=${!hasCaption && !hasCredit}>
          <span class="caption" part="caption" ?hidden=${!hasCaption}>${label('caption')} <span id="caption"><slot name="caption">${caption}</slot></span></span> <span
            class="credit" part="credit" ?hidden=${!hasCredit}
            >${label('credit')} ${href ? html`<a href=${href} rel=${this.license ? 'license noopener' : nothing}>${slot}</a>` : slot}</span
          >
        </figcaption>
      </figure>
      ${zoom ? zoom.dialog(zoom, l.t('close'), label('credit')) : nothing}
    `;
  }

  /**
   * schema.org ImageObject as JSON-LD in the light DOM (a `<script>` outside any slot), where crawlers read it;
   * microdata inside the shadow root would be invisible to them. lede-elements/ssr writes the same block.
   */
  protected override updated(): void {
    writeJsonLd(this, this.jsonLdText(pageUrls()));
    this.writeOutsideShadow();
  }

  /** The lead image is fetched first, a light-DOM one too (lede-elements/ssr writes the same attributes). */
  override writeOutsideShadow(): void {
    const image = this.priority && this.light.image;
    if (!image) return;
    for (const [name, value] of Object.entries(LEAD_IMAGE))
      if (image.getAttribute(name) !== value) image.setAttribute(name, value);
  }

  /** The image's schema.org ImageObject (Google's image metadata), '' without an image URL. */
  override jsonLdText(urls: PageUrls): string {
    const url = (value?: string | null) => absoluteUrl(value, urls.base);
    const light = this.light.image;
    const contentUrl = url(light ? light.getAttribute('src') : this.src);
    const text = (value?: string) => `${value ?? ''}`.trim() || undefined;
    const creator = text(this.creator);
    return jsonLd(
      !!contentUrl && {
        '@type': 'ImageObject',
        contentUrl,
        caption: text(this.#text('caption')),
        creditText: text(this.#text('credit')),
        creator: creator && { '@type': 'Person', name: creator },
        copyrightNotice: text(this.copyright),
        license: url(this.license),
        acquireLicensePage: url(this.acquireLicensePage),
      },
    );
  }

  /**
   * Reads the light DOM from the figure's children: the image (an `<img>`, or the `<img>` of a `<picture>`), which
   * slots are filled, and their text. Called with the element itself in the browser, and by lede-elements/ssr with
   * its node in the markup.
   */
  static readLight(host: LightElement): FigureLight {
    const children = Array.from(host.children);
    const images = children.map((node) =>
      node.localName === 'picture' ? Array.from(node.children).find((img) => img.localName === 'img') : node,
    );
    return {
      image: images.find((node) => node?.localName === 'img'),
      slots: children.map((node) => node.slot),
      children,
    };
  }

  protected override readServerPage(page: ServerPage): void {
    if (page.node) this.light = LedeFigure.readLight(page.node);
  }

  /** Reads the light DOM, and notices a new image that has already failed. */
  #sync(): void {
    const before = this.light.image;
    this.light = LedeFigure.readLight(this);
    const img = this.light.image as HTMLImageElement | undefined;
    if (img !== before) {
      this.broken = false;
      if (img?.complete && !img.naturalWidth) this.#fail(img.getAttribute('src') ?? '');
    }
  }

  /** `load` or `error` of the current image. (A listener on the host itself: `this` is the host.) */
  #onImage({ type, target }: Event): void {
    if (target !== this.#current()) return;
    if (type === 'load') this.broken = false;
    else this.#fail((target as HTMLImageElement).getAttribute('src') ?? '');
  }

  /** Shows the image as unavailable, and says so once. */
  #fail(src: string, message = `"${src}" failed to load`): void {
    if (this.broken || !this.isConnected) return;
    this.broken = true;
    this.warn('src', message);
    const event = new LedeFigureErrorEvent(src);
    this.dispatchEvent(event);
  }

  /** Text of a slot, or of its attribute. */
  #text(name: 'caption' | 'credit'): string {
    const slotted = this.light.children.filter((el) => el.slot === name).map((el) => `${el.textContent}`.trim());
    return slotted.join(' ') || `${this[name] ?? ''}`.trim() || '';
  }

  #current(): HTMLImageElement | null {
    return (this.light.image as HTMLImageElement | undefined) ?? this.renderRoot.querySelector('[part=image]');
  }

  /**
   * Opens the zoom dialog, showing the image as it is now. Its code (zoom.ts) is loaded on the first zoom, so a page
   * whose reader never zooms never downloads it. A second click while it loads opens the same dialog: `showModal()`
   * does nothing to an open one.
   */
  async #open(): Promise<void> {
    const { adoptZoomStyles, zoomDialog } = await import('./zoom.js');
    if (!this.zoom) adoptZoomStyles(this.renderRoot as ShadowRoot);
    const img = this.#current();
    this.zoom = {
      dialog: zoomDialog,
      src: safeUrl(img?.currentSrc || img?.src),
      srcset: safeSrcset(img?.getAttribute('srcset')),
      alt: img?.alt ?? '',
      caption: this.#text('caption'),
      credit: this.#text('credit'),
    };
    await this.updateComplete;
    // Removed from the page while zoom.ts loaded: nothing to show it in.
    if (this.isConnected) this.renderRoot.querySelector('dialog')?.showModal();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lede-figure-error': LedeFigureErrorEvent;
  }
}
