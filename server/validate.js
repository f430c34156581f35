// Validation of a posted comment. The limits mirror <lede-comment-form> with its defaults (name and email
// required unless the server is told otherwise, as the form's `require-email`), so anything the form lets through
// passes here. Lengths are counted in code points, which is
// never more than the form's count, so the server is never stricter than the form.

export const LIMITS = { post: 200, name: 245, email: 100, url: 200, content: 5000 };

// The form's own rule (src/comment-form/comment-form.ts): something, @, a domain with at least one dot,
// no spaces. Looser than the HTML `type="email"` rule on purpose: it accepts `josé@exemple.fr`.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const MESSAGES = {
  en: {
    required: 'This field is required.',
    tooLong: (max) => `At most ${max} characters.`,
    type: 'Expected text.',
    email: 'Enter a valid email address.',
    url: 'Enter a web address starting with http:// or https://.',
    parent: 'The comment being replied to does not exist.',
  },
  fr: {
    required: 'Ce champ est obligatoire.',
    tooLong: (max) => `${max} caractères au maximum.`,
    type: 'Texte attendu.',
    email: 'Saisissez une adresse e-mail valide.',
    url: 'Saisissez une adresse web commençant par http:// ou https://.',
    parent: "Le commentaire auquel vous répondez n'existe pas.",
  },
};

/** French when the client's first choice is French, English otherwise. @param {string | undefined} header */
export function language(header) {
  return /^\s*fr\b/i.test(header ?? '') ? 'fr' : 'en';
}

const length = (text) => [...text].length;

/** Characters that show nothing: a name or comment made only of these (and spaces) is empty. */
const INVISIBLE = /[\s\u200b\u200c\u200d\u2060\ufeff]/gu;
const isBlank = (/** @type {string} */ text) => !text.replace(INVISIBLE, '');

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
   * @param {string} field @param {boolean} required
   * @param {(value: string) => string | true} [check] returns true or the message
   */
  const text = (field, required, check) => {
    const given = body[field] ?? '';
    // Strings only: a number would be stored as its JavaScript text (`1e999` as "Infinity").
    if (typeof given !== 'string') {
      errors[field] = t.type;
      return '';
    }
    const value = given.trim();
    const problem =
      required && isBlank(value) ? t.required
      : length(value) > LIMITS[field] ? t.tooLong(LIMITS[field])
      : value && check ? check(value)
      : true;
    if (problem !== true) errors[field] = problem;
    return value;
  };

  const post = text('post', true);
  const name = text('name', requireEmail);
  const email = text('email', requireEmail, (value) => EMAIL.test(value) || t.email);
  const url = text('url', false, (value) => isWebAddress(value) || t.url);
  const content = text('content', true);

  // parent: absent, null, '' or 0 for a top-level comment; otherwise the id of an approved comment of the same post.
  let parent = /** @type {number | null} */ (null);
  const raw = body.parent;
  if (raw !== undefined && raw !== null && raw !== '' && raw !== 0 && raw !== '0') {
    const id = typeof raw === 'number' || typeof raw === 'string' ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id) || id < 1 || (post && !errors.post && !(await parentExists(post, id)))) errors.parent = t.parent;
    else parent = id;
  }

  if (Object.keys(errors).length) return { errors };
  return { comment: { post, parent, name, email, url: url || null, content } };
}

/** @param {string} value */
function isWebAddress(value) {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
