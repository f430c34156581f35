import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { ServerPage } from './light.js';
import { Localize } from './localize.js';
import type { PageUrls } from './url.js';
import { base } from './styles.js';
import { warnOnce } from './warn.js';

/** What every Lede element shares: base styles, language resolution and localisation, one-time warnings. */
export class LedeElement extends LitElement {
  static override styles = base;
  static override properties: PropertyDeclarations = { lang: { reflect: true } };

  /** Language of the element; inherited from the closest `[lang]` ancestor or `<html lang>` when absent. */
  override lang!: string;

  /** Translations and formatters in the element's language. */
  protected readonly localize = new Localize(this);

  /**
   * Server rendering (src/ssr/), before the element's first render: what it would read from the page in the browser,
   * from the markup instead. Sets the inherited language, then lets the element read its light DOM
   * (`readServerPage`). @internal
   */
  connectOnServer(page: ServerPage): void {
    this.localize.serverLang = page.lang;
    this.readServerPage?.(page);
  }

  /** Reads what the element needs from its light DOM or the page, from the markup (see `connectOnServer`). */
  protected readServerPage?(page: ServerPage): void;

  /**
   * What `updated()` changes outside the shadow root (attributes of the host or of its light DOM), for the elements
   * that change anything there. Called by `updated()`, and by lede-elements/ssr after the first render, on the
   * markup. @internal
   */
  writeOutsideShadow?(): void;

  /**
   * The element's schema.org JSON-LD as text ('' for none), for the elements that write one into their light DOM:
   * by `updated()`, and by lede-elements/ssr into the markup. Every URL absolute, resolved against `urls.base`
   * (nothing relative is written when it is unknown). @internal
   */
  jsonLdText?(urls: PageUrls): string;

  /** Reports a bad attribute value once per element and attribute. */
  protected warn(attribute: string, message: string): void {
    warnOnce(this, attribute, message);
  }

  /** Warns that the value of `attribute` (as written, else `value`) is ignored; `why` is appended to the message. */
  protected ignore(attribute: string, value?: unknown, why = ''): void {
    this.warn(attribute, `"${this.getAttribute(attribute) ?? String(value)}" ignored${why}`);
  }
}
