import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../shared/define.js';
import { LedeElement } from '../shared/element.js';
import { safeUrl } from '../shared/url.js';
import '../reading-time/reading-time.js';
import { styles } from './article-header.styles.js';
import { dateOptions, dateStyles, parseDate, relativeParts, validZone } from './dates.js';
import type { DateStyle, When } from './dates.js';
import { writeJsonLd } from './structured-data.js';

type DateKey = 'published' | 'updated';

/**
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
 *
 * @cssprop --lede-meta-separator - A CSS string between the items of the meta line (default `" - "`).
 * @cssprop --lede-color-accent - Colour of the site name.
 * @cssprop --lede-color-muted - Colour of the byline and meta line.
 *
 * @fires lede-reading-time-change - Bubbles out from the inner `<lede-reading-time>` when the reading time changes.
 */
export class LedeArticleHeader extends LedeElement {
  static override styles = styles;

  /** Headline text, rendered only when there is no light-DOM heading. */
  @property() headline?: string;
  /** Level (1–6) of the heading rendered from `headline`. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 1;
  /** Site name shown above the headline; the publisher in structured data. */
  @property() site?: string;
  /** Makes the site name a link. */
  @property({ attribute: 'site-href' }) siteHref?: string;
  /** Publication date: ISO 8601 date or date-time. */
  @property() published?: string;
  /** Update date (attribute `updated`), shown when it is a later day than `published`. */
  @property({ attribute: 'updated' }) modified?: string;
  /** `long` (default), `full`, `medium`, `short` or `relative` (up to 30 days, then `long`). */
  @property({ attribute: 'date-style' }) dateStyle: DateStyle = 'long';
  /** IANA time zone for date-times (default: the reader's). */
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** Author names, separated by commas. */
  @property() author?: string;
  /** Makes the author names a link. */
  @property({ attribute: 'author-href' }) authorHref?: string;
  /** Reading time in minutes, shown as given. */
  @property({ attribute: 'reading-time', type: Number }) readingTime?: number;
  /** Id of the element whose reading time is measured. */
  @property({ attribute: 'reading-time-for' }) readingTimeFor?: string;
  /** Adds a schema.org NewsArticle JSON-LD block to the light DOM. */
  @property({ attribute: 'structured-data', type: Boolean }) structuredData = false;

  /** Text of the light-DOM heading; `undefined` when there is none. */
  @state() private lightHeadline?: string;
  @state() private slottedByline = false;

  private dates: Partial<Record<DateKey, When>> = {};
  private zone?: string;
  private timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.sync();
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.timer = void clearInterval(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const check = (name: keyof LedeArticleHeader, attribute: string, ok: unknown, hint: string) => {
      const value = this[name];
      if (changed.has(name) && !ok && value != null && value !== '') this.warn(attribute, `"${this.getAttribute(attribute) ?? value}" ignored: ${hint}`);
    };
    for (const [key, name] of [['published', 'published'], ['updated', 'modified']] as const) {
      const value = this[name];
      this.dates[key] = value ? parseDate(value) : undefined;
      check(name, key, this.dates[key], 'not an ISO 8601 date or date-time');
    }
    if (changed.has('timeZone')) this.zone = this.timeZone ? validZone(this.timeZone) : undefined;
    check('timeZone', 'time-zone', this.zone, 'not an IANA time zone');
    check('dateStyle', 'date-style', dateStyles.includes(this.dateStyle), `not ${dateStyles.join('|')}`);
    check('readingTime', 'reading-time', this.readingTime! >= 0 && Number.isFinite(this.readingTime), 'not a number of minutes');
    check('headingLevel', 'heading-level', this.level() === this.headingLevel, 'not 1 to 6');
    check('siteHref', 'site-href', safeUrl(this.siteHref), 'not an http(s) URL');
    check('authorHref', 'author-href', safeUrl(this.authorHref), 'not an http(s) URL');
  }

  override render(): TemplateResult {
    const l = this.localize;
    const site = this.site?.trim();
    const link = (href: string | undefined, text: string, url = safeUrl(href)) => (url ? html`<a href=${url}>${text}</a>` : text);
    const authors = this.authors();
    const [before, after] = l.t('byline').split('{authors}');
    const { published, updated } = this.dates;
    const later = updated && published && +updated.date > +published.date && this.day(updated) !== this.day(published);
    const minutes = this.readingTime! > 0 && Number.isFinite(this.readingTime) ? this.readingTime : undefined;
    const reading = minutes || this.readingTimeFor
      ? html`<lede-reading-time
          part="reading-time"
          minutes=${ifDefined(minutes)}
          for=${ifDefined(this.readingTimeFor || undefined)}
          lang=${l.lang}
        ></lede-reading-time>`
      : nothing;
    return html`<header part="base">
      ${site ? html`<p part="site">${link(this.siteHref, site)}</p>` : nothing}
      <div part="headline">
        <slot @slotchange=${this.sync}></slot>
        ${this.lightHeadline === undefined && this.headline ? this.heading(this.headline) : nothing}
      </div>
      <slot name="standfirst"></slot>
      <div part="byline" ?hidden=${!authors.length && !this.slottedByline}>
        <slot name="byline" @slotchange=${this.sync}>${before}${link(this.authorHref, l.list(authors))}${after}</slot>
      </div>
      <p part="meta" ?hidden=${!published && reading === nothing}>${this.time('published', published)}${later
          ? this.time('updated', updated)
          : nothing}${reading}</p>
    </header>`;
  }

  /** A `<time>`: "Le 27 novembre 2019"; with `date-style="relative"`, "Il y a 3 jours" over the absolute text. */
  private time(key: DateKey, when?: When): TemplateResult | typeof nothing {
    if (!when) return nothing;
    const l = this.localize;
    const cap = (text: string) => text.charAt(0).toLocaleUpperCase(l.lang) + text.slice(1);
    const day = this.day(when);
    const text = cap(l.t(key, { date: day }));
    const parts = this.dateStyle === 'relative' && relativeParts(when, Date.now());
    const ago = parts && l.relative(...parts);
    const relative = ago && cap(key === 'updated' ? l.t('updatedRelative', { date: ago }) : ago);
    return html`<time part="date" datetime=${when.iso} title=${relative ? day : nothing}>${
      relative ? html`<span aria-hidden="true">${relative}</span><span class="visually-hidden">${text}</span>` : text}</time>`;
  }

  /** The absolute date in `date-style` (`long` for `relative`). */
  private day(when: When): string {
    const style = this.dateStyle === 'relative' || !dateStyles.includes(this.dateStyle) ? 'long' : this.dateStyle;
    return this.localize.date(when.date, dateOptions(style, when, this.zone));
  }

  /** The heading rendered from `headline`: one template per level, so no markup is built from text. */
  private heading(text: string): TemplateResult {
    switch (this.level()) {
      case 2: return html`<h2>${text}</h2>`;
      case 3: return html`<h3>${text}</h3>`;
      case 4: return html`<h4>${text}</h4>`;
      case 5: return html`<h5>${text}</h5>`;
      case 6: return html`<h6>${text}</h6>`;
      default: return html`<h1>${text}</h1>`;
    }
  }

  private level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 1));
  }

  private authors(): string[] {
    return (this.author ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  }

  protected override updated(): void {
    // Relative dates ("il y a 5 minutes") are refreshed every minute while connected.
    if (this.dateStyle === 'relative' && this.isConnected) this.timer ??= setInterval(() => this.requestUpdate(), 60_000);
    else this.timer = void clearInterval(this.timer);
    try {
      writeJsonLd(this, this.structuredData ? this.article() : undefined);
    } catch (error) {
      this.warn('structured-data', `could not be written (${error})`);
    }
  }

  /** schema.org NewsArticle for the JSON-LD block. */
  private article(): object {
    const authors = this.authors();
    const url = safeUrl(this.authorHref);
    return {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: this.lightHeadline ?? this.headline?.trim(),
      datePublished: this.dates.published?.iso,
      dateModified: this.dates.updated?.iso,
      author: authors.length ? authors.map((name) => ({ '@type': 'Person', name, url: authors.length === 1 ? url : undefined })) : undefined,
      publisher: this.site?.trim() ? { '@type': 'Organization', name: this.site.trim(), url: safeUrl(this.siteHref) } : undefined,
    };
  }

  /** Reads the light DOM: the heading in the default slot, and whether the byline slot is filled. */
  private sync = () => {
    const heading = this.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6):not([slot])');
    this.lightHeadline = heading ? heading.textContent!.replace(/\s+/g, ' ').trim() : undefined;
    this.slottedByline = !!this.querySelector(':scope > [slot=byline]');
  };
}

define('lede-article-header', LedeArticleHeader);

declare global {
  interface HTMLElementTagNameMap {
    'lede-article-header': LedeArticleHeader;
  }
}
