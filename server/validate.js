// Validation of a posted comment, with <lede-comment-form>'s own rules (src/comment-form/rules.ts): the same limits,
// e-mail and website rules and blank test, and name and email required unless the server is told otherwise (the
// form's `require-email`), so anything the form lets through passes here. Lengths are counted in code points, never
// more than the form's count, so the server is never stricter than the form.

import { EMAIL, LIMITS as FORM_LIMITS, isBlank, webAddress } from '../dist/lib/comment-form/rules.js';

/** The form's limits (src/comment-form/rules.ts, built: the server needs `npm run build`), and the post's id. */
export const LIMITS = { post: 200, ...FORM_LIMITS };

const MESSAGES = {
  en: {
    required: 'This field is required.',
    tooLong: (/** @type {number} */ max) => `At most ${max} characters.`,
    type: 'Expected text.',
    email: 'Enter a valid email address.',
    url: 'Enter a web address, such as example.org.',
    parent: 'The comment being replied to does not exist.',
  },
  fr: {
    required: 'Ce champ est obligatoire.',
    tooLong: (/** @type {number} */ max) => `${max} caractères au maximum.`,
    type: 'Texte attendu.',
    email: 'Saisissez une adresse e-mail valide.',
    url: 'Saisissez une adresse web, par exemple exemple.fr.',
    parent: "Le commentaire auquel vous répondez n'existe pas.",
  },
};

/** French when the client's first choice is French, English otherwise. @param {string | undefined} header */
export function language(header) {
  return /^\s*fr\b/i.test(header ?? '') ? 'fr' : 'en';
}

// Code points, as the browser's maxlength counts them (not grapheme clusters).
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are what is counted
const length = (/** @type {string} */ text) => [...text].length;

/**
 * Checks and normalises a comment payload.
 * @param {Record<string, unknown>} body the parsed JSON object
 * @param {'en' | 'fr'} lang language of the messages
 * @param {(post: string, parent: number) => boolean | Promise<boolean>} parentExists
 * @param {boolean} [requireEmail] name and email are required (the form's `require-email`, on by default)
 * @returns {Promise<{ errors: Record<string, string> } | { comment: import('./store.js').NewComment }>}
 */
export async function validate(body, lang, parentExists, requireEmail = true) {
  const t = MESSAGES[lang];
  /** @type {Record<string, string>} */
  const errors = {};
  /**
   * @param {keyof typeof LIMITS} field @param {boolean} required
   * @param {(value: string) => string | true} [check] returns true or the message
   * @param {(value: string) => string} [shape] the value to check and store, from the trimmed one
   */
  const text = (field, required, check, shape = (/** @type {string} */ value) => value) => {
    const given = body[field] ?? '';
    // Strings only: a number would be stored as its JavaScript text (`1e999` as "Infinity").
    if (typeof given !== 'string') {
      errors[field] = t.type;
      return '';
    }
    const trimmed = given.trim();
    const value = trimmed && shape(trimmed);
    const problem =
      required && isBlank(value)
        ? t.required
        : length(value) > LIMITS[field]
          ? t.tooLong(LIMITS[field])
          : value && check
            ? check(value)
            : true;
    if (problem !== true) errors[field] = problem;
    return value;
  };

  const post = text('post', true);
  const name = text('name', requireEmail);
  const email = text('email', requireEmail, (value) => EMAIL.test(value) || t.email);
  const url = text(
    'url',
    false,
    (value) => !!webAddress(value) || t.url,
    (value) => webAddress(value) ?? value,
  );
  const content = text('content', true);

  // parent: absent, null, '' or 0 for a top-level comment; otherwise the id of an approved comment of the same post.
  let parent = /** @type {number | null} */ (null);
  const raw = body.parent;
  if (raw !== undefined && raw !== null && raw !== '' && raw !== 0 && raw !== '0') {
    const id = typeof raw === 'number' || typeof raw === 'string' ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id) || id < 1 || (post && !errors.post && !(await parentExists(post, id))))
      errors.parent = t.parent;
    else parent = id;
  }

  if (Object.keys(errors).length) return { errors };
  return { comment: { post, parent, name, email, url: url || null, content } };
}
