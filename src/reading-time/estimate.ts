/**
 * Reading time of a text, without a DOM: usable in Node (static-site generators, CMS servers) and in the browser.
 *
 * Speeds are for silent reading. English: 238 words/min, Brysbaert M. (2019), "How many words do we read per
 * minute? A review and meta-analysis of reading rate", Journal of Memory and Language 109 (non-fiction).
 * Other languages keep their rate relative to English from the IReST study: Trauzettel-Klosinski S., Dietz K.
 * (2012), "Standardized assessment of reading performance: the new International Reading Speed Texts IReST",
 * IOVS 53(9). Its words/min, below as `WORDS`, become `238 × rate / 228` (French: 203.6 words/min). Chinese and
 * Japanese are counted in characters and IReST measures them in characters/min (`CHARS`), scaled the same way
 * (`238 × 255 / 228` = 266.2 characters/min for Chinese, 372.7 for Japanese), so every language is as fast,
 * relative to English, as IReST found. Arabic's 138 words/min is from the same IReST table.
 * Languages not listed read at the English rate.
 */
const WORDS: Record<string, number> = { en: 228, fr: 195, de: 179, es: 218, it: 188, nl: 202, pt: 181, ar: 138 };
const CHARS: Record<string, number> = { zh: 255, ja: 357 };

/**
 * One pass over the text (linear; `Intl.Segmenter` is far too slow on long text in V8). Group 1 is a Chinese or
 * Japanese character (counted one by one). Otherwise one word each: a web address (`https://…`, `www.…`, up to a
 * space, without its closing punctuation), an e-mail address, a dotted abbreviation ("U.S.A.", "e.g."), or a run
 * of letters, marks and digits, kept together through an inner apostrophe or hyphen ("l'agence", "lui-même",
 * "Al-Qaïda": one word each), and through a `.`, `,`, no-break or thin space between digits ("3,5", "2 096"
 * written with U+202F). An ordinary space splits numbers ("2 096" with a plain space is two words). Punctuation
 * alone (French " : « » ! ?") is never a word.
 */
const CJK = String.raw`([\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\u30fc])`;
/** A web or e-mail address: no spaces, holding `//`, `www.` or `@`, without its closing punctuation. */
const ADDRESS = String.raw`[^\s<>"«»]*(?:\/\/|www\.|@)[^\s<>"«»]*[^\s<>"«».,;:!?'’)\]]`;
const ABBREVIATION = String.raw`(?:\p{L}\.){2,}`;
const WORD = String.raw`(?:(?![\p{sc=Han}\p{sc=Hira}\p{sc=Kana}])[\p{L}\p{M}\p{N}]|['’\u2010\u2011-](?=[\p{L}\p{N}])|(?<=\p{N})[.,\u00a0\u2009\u202f](?=\p{N}))+`;
const TOKEN = new RegExp(`${CJK}|${ADDRESS}|${ABBREVIATION}|${WORD}`, 'gu');

/** Subtrees that are not read, as a selector (tags and attributes only: lede-elements/ssr matches it without a DOM). */
export const SKIP = 'script,style,template,noscript,[hidden],[aria-hidden="true"],[data-reading-time-ignore]';

/**
 * A selector list of tags, `[name]` and `[name="value"]` (all that `SKIP` needs) as a test on a tag name and its
 * attributes (`attribute(name)` gives a value, or undefined), for readers of markup without a DOM
 * (estimateReadingTimeFromHtml, lede-elements/ssr). Any other selector throws.
 */
export function simpleSelectorTest(
  selectors: string,
): (tag: string, attribute: (name: string) => string | undefined) => boolean {
  const tests = selectors.split(',').map((selector) => {
    const [, name, value] = /^\[([\w-]+)(?:="(.*)")?\]$/.exec(selector) ?? [];
    if (!name && !/^[a-z][\w-]*$/.test(selector))
      throw new SyntaxError(`"${selector}" is not a tag or an attribute selector`);
    return (tag: string, attribute: (name: string) => string | undefined) =>
      name ? attribute(name) !== undefined && (value === undefined || attribute(name) === value) : tag === selector;
  });
  return (tag, attribute) => tests.some((test) => test(tag, attribute));
}

/** Whether an element matches `SKIP`. Pure: builds that do not read markup (dist/lede.js) leave it out. */
export const isSkipped = /* @__PURE__ */ simpleSelectorTest(SKIP);

/** Inline elements that may split a word ("l'<a>agence</a>"); any other element starts a new word. */
export const INLINE = /^(a|abbr|b|bdi|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|time|u)$/;

/** What `time` takes: words (each Chinese or Japanese character counting as one), how many of them are such characters, images. */
export interface Counts {
  words: number;
  chars: number;
  images: number;
}

/** Counts the words of a text (each Chinese or Japanese character counting as one) and takes the number of images. */
export function count(text: string, images = 0): Counts {
  let words = 0;
  let chars = 0;
  for (const [, cjk] of text.matchAll(TOKEN)) {
    if (cjk) chars++;
    else words++;
  }
  return { words: words + chars, chars, images };
}

export interface ReadingTimeOptions {
  /** BCP 47 language of the text (`fr`, `pt-BR`); sets the reading speed. Default English. */
  lang?: string;
  /** Reading speed in words per minute (characters per minute for Chinese and Japanese), instead of the language's. */
  wpm?: number;
  /** Number of images read with the text. */
  images?: number;
}

export interface ReadingTime {
  /** Words, each Chinese or Japanese character counting as one. */
  words: number;
  images: number;
  /** Whole seconds, rounded up. */
  seconds: number;
  /** Whole minutes, rounded up, at least 1; 0 only for no words and no images. */
  minutes: number;
}

/**
 * Reading time from counts already made (the element measures once, then re-times when `lang` or `wpm` change).
 * `wpm` that is not a positive number is ignored.
 */
export function time({ words, chars, images }: Counts, lang = 'en', wpm?: number): ReadingTime {
  const code = lang.toLowerCase().split('-')[0];
  const speed = (table: Record<string, number>, fallback: number) =>
    wpm !== undefined && wpm > 0 ? wpm : (238 * (table[code] ?? fallback)) / 228;
  // Images as Medium counts them: 12 s for the first, one second less for each next, 3 s from the tenth on.
  let seconds = 0;
  for (let i = 0; i < images; i++) seconds += Math.max(12 - i, 3);
  seconds = Math.ceil(seconds + (60 * (words - chars)) / speed(WORDS, 228) + (60 * chars) / speed(CHARS, 255));
  return { words, images, seconds, minutes: seconds && Math.max(1, Math.ceil(seconds / 60)) };
}

/**
 * Estimated reading time of a text: `estimateReadingTime(text, { lang: 'fr' })` → `{ words, images, seconds, minutes }`.
 * Pure and DOM-free; bad numbers (negative, NaN) for `wpm` or `images` are ignored.
 */
export function estimateReadingTime(text: string, { lang, wpm, images }: ReadingTimeOptions = {}): ReadingTime {
  return time(count(String(text ?? ''), Math.max(0, Math.floor(images ?? 0) || 0)), lang, wpm);
}
