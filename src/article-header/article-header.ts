import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { LedeElement } from '../shared/element.js';
import { byId, pageUrls } from '../shared/dom.js';
import { absoluteUrl, safeUrl } from '../shared/url.js';
import type { PageUrls } from '../shared/url.js';
import type { LightElement, ServerPage } from '../shared/light.js';
// The header renders a <lede-reading-time>, so it needs that tag registered.
import '../reading-time/define.js';
import { styles } from './article-header.styles.js';
import { dateOptions, dateStyles, parseDate, relativeParts, validZone, withZone } from './dates.js';
import type { DateStyle, When } from './dates.js';
import { jsonLd, writeJsonLd } from '../shared/json-ld.js';
import { watchRelative } from '../shared/relative-timer.js';
import { sharedListener } from '../shared/shared-listener.js';

/** The heading rendered from `headline`, per level: one template each, so no markup is built from text. */
const HEADINGS = [
  (text: string) => html`<h1>${text}</h1>`,
  (text: string) => html`<h2>${text}</h2>`,
  (text: string) => html`<h3>${text}</h3>`,
  (text: string) => html`<h4>${text}</h4>`,
  (text: string) => html`<h5>${text}</h5>`,
  (text: string) => html`<h6>${text}</h6>`,
];

/** What `<lede-article-header>` reads from its light DOM (`LedeArticleHeader.readLight`). */
export interface HeaderLight {
  /** Text of the light-DOM heading (an `<h1>`…`<h6>` child in the default slot), whitespace collapsed. */
  headline?: string;
  /** Whether the `byline` slot is filled. */
  byline: boolean;
}

const HEADING = /^h[1-6]$/;

/** The comment threads say when they have loaded, and how many comments they hold. */
const commentsLoad = sharedListener(() => document, 'lede-comments-load');

/**
 * A new reading of the light DOM renders again only when the headline or the byline slot differ: the `slotchange`
 * that follows every first render reads the same light DOM, and updating for it parsed, formatted and rendered
 * everything a second time.
 */
const lightChanged = (next: HeaderLight, previous?: HeaderLight) =>
  next.headline !== previous?.headline || next.byline !== previous?.byline;

/**
 * The header of a news article. The headline is the page's own light-DOM heading (else `headline`); the dates are
 * `<time datetime>` elements written in the element's language; the reading time, given (`reading-time`) or measured
 * from the element named by `reading-time-for`, is an inner `<lede-reading-time>`; with `structured-data` it adds the
 * article's schema.org JSON-LD.
 *
 * @summary The top of an article: site name, headline, standfirst, byline, and a meta line with the
 * publication date and the reading time ("Le 27 novembre 2019 - 5 minutes de lecture").
 *
 * @tag lede-article-header
 *
 * @slot - The headline: a light-DOM `<h1>`…`<h6>`, shown without JavaScript. Without one, `headline` is rendered.
 * @slot standfirst - The lead paragraph under the headline.
 * @slot byline - A rich byline, instead of the one built from `author`.
 *
 * @csspart base - The `<header>`.
 * @csspart site - The site name (kicker) above the headline.
 * @csspart headline - The box holding the headline.
 * @csspart byline - The byline.
 * @csspart meta - The line with the dates and the reading time.
 * @csspart date - Each `<time>` of the meta line (publication, update).
 * @csspart reading-time - The `<lede-reading-time>` of the meta line.
 * @csspart comments - The link to the comments ("3 commentaires") at the end of the meta line, with `comments-for`.
 *
 * @cssprop --lede-meta-separator - A CSS string between the items of the meta line (default `" - "`).
 * @cssprop --lede-color-accent - Colour of the site name.
 * @cssprop --lede-color-muted - Colour of the byline and meta line.
 *
 * @fires lede-reading-time-change - Bubbles out from the inner `<lede-reading-time>` when the reading time changes.
 */
export class LedeArticleHeader extends LedeElement {
  static override styles = styles;
  // `static properties` rather than one decorator call per property: the same API in fewer bytes.
  static override properties = {
    headline: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    site: {},
    siteHref: { attribute: 'site-href' },
    published: {},
    modified: { attribute: 'updated' },
    dateStyle: { attribute: 'date-style' },
    timeZone: { attribute: 'time-zone' },
    author: {},
    authorHref: { attribute: 'author-href' },
    readingTime: { attribute: 'reading-time', type: Number },
    readingTimeMinutes: { attribute: 'reading-time-minutes', type: Number, noAccessor: true },
    readingTimeFor: { attribute: 'reading-time-for' },
    commentsFor: { attribute: 'comments-for' },
    structuredData: { attribute: 'structured-data', type: Boolean },
    image: {},
    siteLogo: { attribute: 'site-logo' },
    light: { state: true, hasChanged: lightChanged },
  };

  /** Headline text, rendered only when there is no light-DOM heading. */
  headline?: string;
  /** Level (1–6) of the heading rendered from `headline`. */
  headingLevel = 1;
  /** Site name shown above the headline; the publisher in structured data. */
  site?: string;
  /** Makes the site name a link. */
  siteHref?: string;
  /** Publication date: ISO 8601 date or date-time. */
  published?: string;
  /** Update date (attribute `updated`), shown when it is a later day than `published`. */
  modified?: string;
  /** `long` (default), `full`, `medium`, `short` or `relative` (up to 30 days, then `long`). */
  dateStyle: DateStyle = 'long';
  /** IANA time zone for date-times (default: the reader's). */
  timeZone?: string;
  /** Author names, separated by commas. */
  author?: string;
  /** Makes the author names a link. */
  authorHref?: string;
  /** Reading time in minutes, shown as given. */
  readingTime?: number;
  /**
   * Same as `readingTime` (attribute `reading-time`): with `reading-time-for`, the header's `reading-time-*` attributes
   * are `<lede-reading-time>`'s `minutes` and `for`.
   */
  get readingTimeMinutes(): number | undefined {
    return this.readingTime;
  }
  set readingTimeMinutes(minutes: number | undefined) {
    this.readingTime = minutes;
  }
  /** Id of the element whose reading time is measured. */
  readingTimeFor?: string;
  /** Id of a `<lede-comments>`: the meta line ends with its count, a link to it ("3 commentaires"). */
  commentsFor?: string;
  /** Adds a schema.org NewsArticle JSON-LD block to the light DOM. */
  structuredData = false;
  /** The article's lead image URL(s), separated by spaces: `image` in the JSON-LD (Google requires one). */
  image?: string;
  /** URL of the site's logo: the publisher's `logo` in the JSON-LD. */
  siteLogo?: string;

  /** The light DOM, as last read (`readLight`). */
  private light: HeaderLight = { byline: false };

  /** Parsed `published` and `updated`. */
  #dates: Array<When | undefined> = [];
  #zone?: string;
  #level = 1;
  #minutes?: number;
  #authors: string[] = [];
  #siteUrl?: string;
  #authorUrl?: string;
  /** The count of the `comments-for` element, once it has loaded. */
  #comments?: number;

  override connectedCallback(): void {
    super.connectedCallback();
    // The comments come after the header in the page, and load later: their event says when, and how many.
    commentsLoad.add(this.#heardComments);
    this.#sync();
    // Restarts the refresh of relative dates after a move.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchRelative(this, false);
    commentsLoad.delete(this.#heardComments);
  }

  #heardComments = (event: Event): void => {
    if (this.commentsFor && (event.target as Element).id === this.commentsFor) this.#countComments();
  };

  /** The count of the `comments-for` element (`undefined` until it has loaded), shown when it changed. */
  #countComments(): void {
    const count = this.commentsFor ? (byId(this.commentsFor) as { count?: unknown } | null)?.count : undefined;
    const comments = typeof count === 'number' ? count : undefined;
    if (comments !== this.#comments) {
      this.#comments = comments;
      this.requestUpdate();
    }
  }

  /** Reads the attributes; a bad value is ignored (or clamped) with one warning naming the attribute and the value. */
  protected override willUpdate(): void {
    const check = (attribute: string, value: unknown, ok: unknown) => {
      if (!ok && value !== null && value !== undefined && value !== '') this.ignore(attribute, value);
    };
    const { readingTime: minutes, headingLevel: level, timeZone: zone, siteHref, authorHref } = this;
    this.#dates = [this.published, this.modified].map((value, i) => {
      const when = value ? parseDate(value) : undefined;
      check(i ? 'updated' : 'published', value, when);
      return when;
    });
    this.#zone = validZone(zone);
    check('time-zone', zone, this.#zone);
    check('date-style', this.dateStyle, dateStyles.includes(this.dateStyle));
    this.#minutes = minutes !== undefined && minutes > 0 && minutes < Infinity ? minutes : undefined;
    check('reading-time', minutes, this.#minutes || minutes === 0);
    this.#level = Math.min(6, Math.max(1, Math.round(level) || 1));
    check('heading-level', level, this.#level === level);
    this.#siteUrl = safeUrl(siteHref);
    check('site-href', siteHref, this.#siteUrl);
    this.#authorUrl = safeUrl(authorHref);
    check('author-href', authorHref, this.#authorUrl);
    check('site-logo', this.siteLogo, safeUrl(this.siteLogo));
    this.#authors = `${this.author ?? ''}`
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
  }

  override render(): TemplateResult {
    const l = this.localize;
    const site = `${this.site ?? ''}`.trim();
    const link = (url: string | undefined, text: string) => (url ? html`<a href=${url}>${text}</a>` : text);
    const [before, after] = l.t('byline').split('{authors}');
    const [published, updated] = this.#dates;
    // Each date formatted once per render: it is compared, then shown.
    const [publishedDay, updatedDay] = this.#dates.map((when) => when && this.#day(when));
    const later = updated && published && +updated.date > +published.date && updatedDay !== publishedDay;
    const reading = !!(this.#minutes || this.readingTimeFor);
    const comments = this.#comments;
    // The site's link is written into its paragraph's template, rather than nested in it with `link()`: every nested
    // template is one more clone per header.
    const kicker = !site
      ? nothing
      : this.#siteUrl
        ? html`<p part="site"><a href=${this.#siteUrl}>${site}</a></p>`
        : html`<p part="site">${site}</p>`;
    return html`<header part="base">
      ${kicker}
      <div part="headline">
        <slot @slotchange=${this.#sync}></slot>
        ${this.light.headline === undefined && this.headline ? HEADINGS[this.#level - 1](this.headline) : nothing}
      </div>
      <slot name="standfirst"></slot>
      <div part="byline" ?hidden=${!this.#authors.length && !this.light.byline}>
        <slot name="byline" @slotchange=${this.#sync}>${before}${link(this.#authorUrl, l.list(this.#authors))}${after}</slot>
      </div>
      <p part="meta" ?hidden=${!published && !reading && comments === undefined}>${this.#time('published', published, publishedDay)}${later ? this.#time('updated', updated, updatedDay) : nothing}${
        reading
          ? html`<lede-reading-time
              part="reading-time"
              minutes=${this.#minutes ?? nothing}
              for=${this.readingTimeFor || nothing}
              lang=${l.lang}
            ></lede-reading-time>`
          : nothing
      }${
        comments === undefined
          ? nothing
          : html`<span part="comments"><a href="#${encodeURIComponent(this.commentsFor ?? '')}">${l.plural('commentCount', comments)}</a></span>`
      }</p>
    </header>`;
  }

  /** A `<time>`: "Le 27 novembre 2019"; with `date-style="relative"`, "Il y a 3 jours" over the absolute text. */
  #time(
    key: 'published' | 'updated',
    when: When | undefined,
    day: string | undefined,
  ): TemplateResult | typeof nothing {
    if (!when || !day) return nothing;
    const l = this.localize;
    const cap = (text: string) => text.charAt(0).toLocaleUpperCase(l.lang) + text.slice(1);
    const text = cap(l.t(key, { date: day }));
    const parts = this.dateStyle === 'relative' && relativeParts(when, Date.now());
    const ago = parts && l.relative(...parts);
    const relative = ago && cap(key === 'updated' ? l.t('updatedRelative', { date: ago }) : ago);
    return html`<time part="date" datetime=${when.iso} title=${relative ? day : nothing}>${
      relative ? html`<span aria-hidden="true">${relative}</span><span class="visually-hidden">${text}</span>` : text
    }</time>`;
  }

  /** The absolute date in `date-style` (`long` for `relative` or an unknown style). */
  #day(when: When): string {
    return this.localize.date(when.date, dateOptions(this.dateStyle, when, this.#zone));
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Out of this update, as Lit advises (https://lit.dev/msg/change-in-update).
    if (changed.has('commentsFor')) queueMicrotask(() => this.#countComments());
    // Relative dates ("il y a 5 minutes") are refreshed every minute while connected.
    watchRelative(this, this.dateStyle === 'relative' && this.isConnected);
    // Without `structured-data` there is no block to build (nor the page's URLs to read), only a stale one to remove.
    writeJsonLd(this, this.structuredData ? this.jsonLdText(pageUrls()) : '');
  }

  /**
   * The schema.org NewsArticle that `structured-data` adds to the light DOM ('' without it), with Google's Article
   * properties; `mainEntityOfPage` is `urls.page`. A date-time without an offset gets the one of `time-zone` (without
   * `time-zone`, only its date is given: the instant depends on the reader). lede-elements/ssr writes the same
   * block into server-rendered pages, so crawlers that run no script read it too.
   */
  override jsonLdText(urls: PageUrls): string {
    const authors = this.#authors;
    const site = `${this.site ?? ''}`.trim();
    const url = (value?: string) => absoluteUrl(value, urls.base);
    const images = `${this.image ?? ''}`.split(/\s+/).map(url).filter(Boolean);
    const logo = url(this.siteLogo);
    const date = (when?: When) =>
      when &&
      (when.plain || /([zZ]|[+-]\d\d:\d\d)$/.test(when.iso)
        ? when.iso
        : this.#zone
          ? withZone(when.iso, this.#zone)
          : when.iso.slice(0, 10));
    return jsonLd(
      this.structuredData && {
        '@type': 'NewsArticle',
        headline: this.light.headline ?? (`${this.headline ?? ''}`.trim() || undefined),
        image: images[1] ? images : images[0],
        datePublished: date(this.#dates[0]),
        dateModified: date(this.#dates[1]),
        author:
          authors[0] &&
          authors.map((name) => ({ '@type': 'Person', name, url: authors[1] ? undefined : url(this.authorHref) })),
        publisher: site
          ? {
              '@type': 'Organization',
              name: site,
              url: url(this.siteHref),
              logo: logo && { '@type': 'ImageObject', url: logo },
            }
          : undefined,
        mainEntityOfPage: urls.page && { '@type': 'WebPage', '@id': urls.page },
      },
    );
  }

  /**
   * Reads the light DOM: the heading in the default slot, and whether the byline slot is filled. Called with the
   * element itself in the browser, and by lede-elements/ssr with its node in the markup.
   */
  static readLight(host: LightElement): HeaderLight {
    const children = Array.from(host.children);
    const heading = children.find((child) => HEADING.test(child.localName) && !child.slot);
    return {
      headline: heading && `${heading.textContent}`.replace(/\s+/g, ' ').trim(),
      byline: children.some((child) => child.slot === 'byline'),
    };
  }

  protected override readServerPage(page: ServerPage): void {
    if (page.node) this.light = LedeArticleHeader.readLight(page.node);
  }

  #sync = () => {
    this.light = LedeArticleHeader.readLight(this);
  };
}
