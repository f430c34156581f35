/** A message that depends on a count, keyed by `Intl.PluralRules` category; `other` is always required. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Every string an element shows, for one language. Placeholders in braces (`{date}`, `{n}`) are replaced
 * as plain text, never parsed as HTML. Plural messages are chosen with `Intl.PluralRules` on `{n}`.
 */
export interface Translation {
  /** BCP 47 tag of the language, e.g. `fr` or `pt-BR`. */
  $code: string;

  // <lede-article-header>
  /** Publication date in running text: "Le {date}". */
  published: string;
  /** Update date: "Mis à jour le {date}". */
  updated: string;
  /** Update date given as a relative time ("il y a 3 jours", "hier"): "Mis à jour {date}". */
  updatedRelative: string;
  /** Byline: "Par {authors}". */
  byline: string;

  // <lede-reading-time>
  readingTime: Plural;
  /** A range, chosen by the larger bound `{n}`; `{min}` is the smaller. */
  readingTimeRange: Plural;
  readingTimeLeft: Plural;
  readingTimeDone: string;

  // <lede-figure>
  caption: string;
  credit: string;
  /** The zoom button of an image without a name to give. */
  enlarge: string;
  /** The zoom button, naming the image by its alternative text, else its caption: "Agrandir l'image : {image}". */
  enlargeImage: string;
  close: string;
  imageUnavailable: string;

  // <lede-comment-form>
  commentHeading: string;
  commentNotice: string;
  name: string;
  email: string;
  emailNote: string;
  website: string;
  comment: string;
  required: string;
  remember: string;
  submit: string;
  sending: string;
  charactersLeft: Plural;
  errorRequired: string;
  errorEmail: string;
  errorUrl: string;
  errorTooLong: Plural;
  sentPending: string;
  sentApproved: string;
  failNetwork: string;
  failOffline: string;
  failTimeout: string;
  failRateLimit: Plural;
  failRateLimitNoDelay: string;
  failDuplicate: string;
  failServer: string;
  failFields: string;
  failAction: string;
  /** Shown instead of the submit button when the form has no usable `action`. */
  unavailable: string;
  retry: string;

  // <lede-comments> (and the header's `comments-for`)
  /** The thread's heading while it loads or could not be loaded: "Commentaires". */
  commentsTitle: string;
  /** The thread's heading, and the header's link to it: "3 commentaires". */
  commentCount: Plural;
  noComments: string;
  commentsLoading: string;
  commentsFailed: string;
  /** An author who gave no name. */
  anonymous: string;
  reply: string;
  /** The heading of the form under a comment: "Répondre à {name}". */
  replyTo: string;
  cancel: string;
  /** Beside a comment the reader has just sent, until a moderator approves it. */
  awaitingModeration: string;
  moreComments: string;
}

export type TextKey = { [K in keyof Translation]: Translation[K] extends string ? K : never }[keyof Translation];
export type PluralKey = { [K in keyof Translation]: Translation[K] extends Plural ? K : never }[keyof Translation];

/**
 * The registry lives on `globalThis` under a registered symbol, so every copy of Lede on a page (the bundle, a
 * per-element module, a translation module loaded beside the bundle) shares the same languages.
 */
const registry = ((globalThis as Record<symbol, unknown>)[Symbol.for('lede.translations')] ??= {
  translations: new Map<string, Translation>(),
  listeners: new Set<() => void>(),
}) as { translations: Map<string, Translation>; listeners: Set<() => void> };
const { translations, listeners } = registry;

/**
 * Adds or overrides languages. A partial table is merged over an existing one of the same code (or over
 * English), so a site can change a single string: `registerTranslation({ $code: 'fr', commentHeading: 'Réagir' })`.
 */
export function registerTranslation(...tables: Array<Partial<Translation> & { $code: string }>): void {
  for (const table of tables) {
    const code = table.$code.toLowerCase();
    translations.set(code, { ...(translations.get(code) ?? translations.get('en')), ...table } as Translation);
  }
  listeners.forEach((listener) => listener());
}

/** The table for a language tag: exact tag, then its base language (`fr-CA` → `fr`), then English. */
export function getTranslation(tag: string): Translation {
  const lower = tag.toLowerCase();
  // English is always there: localize.ts registers it before anything renders.
  return translations.get(lower) ?? translations.get(lower.split('-')[0]) ?? (translations.get('en') as Translation);
}

/** Called whenever translations change, so rendered elements can update. */
export function onTranslationsChange(listener: () => void): void {
  listeners.add(listener);
}
