import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getTranslation, onTranslationsChange, registerTranslation } from './translation.js';
import type { PluralKey, TextKey, Translation } from './translation.js';
import { closest } from './light.js';
import type { LightElement } from './light.js';
import en from './translations/en.js';
import fr from './translations/fr.js';

registerTranslation(en, fr);

type Host = ReactiveControllerHost & HTMLElement;
type Vars = Record<string, string | number>;

const hosts = new Set<Localize>();
let observer: MutationObserver | undefined;
/** A `lang` changed somewhere, or translations did: every element resolves its language again and updates. */
const updateAll = () => hosts.forEach((localize) => localize.reset());
onTranslationsChange(updateAll);

/**
 * The language of an element: its own `lang`, else the closest `[lang]` ancestor (crossing shadow roots),
 * else `<html lang>`, else English. Tags that `Intl` rejects fall back to English.
 */
export function resolveLang(element: LightElement): string {
  const lang = closest(element, hasLang)?.getAttribute('lang');
  return lang ? (canonicalLang(lang) ?? 'en') : 'en';
}

/** Whether an element has a non-empty `lang`: the one the elements inherit, in the browser and in lede-elements/ssr. */
export const hasLang = (element: LightElement): boolean => !!element.getAttribute('lang')?.trim();

/** A BCP 47 tag in canonical form (`fr-ca` → `fr-CA`); `undefined` when it is empty or `Intl` rejects it. */
export function canonicalLang(tag: string | null | undefined): string | undefined {
  const trimmed = tag?.trim();
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

type Format<T> = new (lang: string, options?: object) => T;
/** `Intl` formatters by language and options: bounded, and emptied when the browser's languages change. */
const formats = new Map<string, unknown>();
const MAX_FORMATS = 64;
if (typeof addEventListener === 'function') addEventListener('languagechange', () => formats.clear());

const fill = (message: string, vars: Vars = {}) =>
  message.replace(/\{(\w+)\}/g, (match, name: string) => `${vars[name] ?? match}`);

/**
 * Strings and `Intl` formatting for one element, in the element's language. Re-renders its host when the
 * language of the element or of any ancestor changes, or when translations are registered.
 */
export class Localize implements ReactiveController {
  /**
   * The language, resolved once (walking the ancestors, canonicalising) rather than on every `t()` and `plural()`,
   * with the element's own `lang` it was resolved from. Resolved again when that own `lang` differs, when any `lang`
   * in the document changes or translations are registered (`reset`), and when the element is connected again.
   */
  #lang?: string;
  #own?: string;
  /**
   * Server rendering: the language the element inherits, as lede-elements/ssr resolved it from the markup (there is
   * no DOM to read it from), set by the element before its first render. @internal
   */
  serverLang = 'en';

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** A language changed: resolve it again, and update. @internal */
  reset(): void {
    this.#lang = undefined;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    hosts.add(this);
    this.#lang = undefined; // moved elsewhere: another ancestor's language, perhaps
    if (!observer) {
      observer = new MutationObserver(updateAll);
      observer.observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  /** The resolved BCP 47 language tag, e.g. `fr-CA`. */
  get lang(): string {
    // The property, not the attribute: Lit renders before it reflects a property set from script.
    const own = this.host.lang;
    if (this.#lang && this.#own === own) return this.#lang;
    this.#own = own;
    if (own?.trim()) this.#lang = canonicalLang(own) ?? 'en';
    // Without a document (server rendering), the language lede-elements/ssr resolved from the markup.
    else this.#lang = typeof document === 'undefined' ? this.serverLang : resolveLang(this.host);
    return this.#lang;
  }

  /** An `Intl` formatter for the language, made once per language and options. */
  #format<T>(Format: Format<T>, options?: object): T {
    const key = Format.name + this.lang + JSON.stringify(options);
    let format = formats.get(key) as T | undefined;
    if (!format) {
      if (formats.size >= MAX_FORMATS) formats.clear();
      formats.set(key, (format = new Format(this.lang, options)));
    }
    return format;
  }

  get translation(): Translation {
    return getTranslation(this.lang);
  }

  /** A translated string with its `{placeholders}` filled in. */
  t(key: TextKey, vars?: Vars): string {
    return fill(this.translation[key], vars);
  }

  /** A translated plural message for `n`, with `{n}` formatted for the locale. */
  plural(key: PluralKey, n: number, vars?: Vars): string {
    const messages = this.translation[key];
    const rule = this.#format(Intl.PluralRules).select(n);
    return fill(messages[rule] ?? messages.other, { ...vars, n: this.number(n) });
  }

  number(n: number, options?: Intl.NumberFormatOptions): string {
    return this.#format(Intl.NumberFormat, options).format(n);
  }

  /** "Anne, Paul et Marie". */
  list(items: string[]): string {
    // A list of one item is that item, and of none is '', in every language (ECMA-402, CreatePartsFromList): a page
    // whose articles have one author each does not create an `Intl.ListFormat`, nor call one per header.
    if (items.length < 2) return items[0] ?? '';
    return this.#format(Intl.ListFormat).format(items);
  }

  /**
   * A calendar date. French writes the first of the month as an ordinal ("1er mars 2020"), which `Intl`
   * does not produce, so that day is patched in the formatted parts.
   */
  date(date: Date, options: Intl.DateTimeFormatOptions): string {
    const parts = this.#format(Intl.DateTimeFormat, options).formatToParts(date);
    // A month in letters ("mars", "janv."), not digits ("03").
    const ordinal = this.lang.split('-')[0] === 'fr' && parts.some((p) => p.type === 'month' && /\D/.test(p.value));
    return parts.map((p) => (ordinal && p.type === 'day' && /^0?1$/.test(p.value) ? '1er' : p.value)).join('');
  }

  /** "il y a 3 jours", "hier", "3 days ago". */
  relative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
    return this.#format(Intl.RelativeTimeFormat, { numeric: 'auto' }).format(value, unit);
  }
}
