import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { Localize } from './localize.js';
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

  /** Reports a bad attribute value once per element and attribute. */
  protected warn(attribute: string, message: string): void {
    warnOnce(this, attribute, message);
  }

  /** Warns that the value of `attribute` (as written, else `value`) is ignored; `why` is appended to the message. */
  protected ignore(attribute: string, value?: unknown, why = ''): void {
    this.warn(attribute, `"${this.getAttribute(attribute) ?? String(value)}" ignored${why}`);
  }
}
