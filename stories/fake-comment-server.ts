/**
 * A fake comment server for the stories only: designers have no server. While a comment-form story is shown,
 * `fetch` to a URL under `/fake-comments` is answered in the browser (nothing leaves the page), after a short
 * delay so "Envoi…" is seen; any other URL goes to the network as usual. The form itself is unchanged: it posts
 * and reads the answer exactly as it would from a real endpoint.
 *
 * The answer is chosen by the `answer` query parameter of the form's `action`:
 * `pending` (default), `approved`, `fields`, `duplicate`, `rate` (Retry-After: 30), `rate-no-delay`, `server`,
 * `network` (the connection fails), `hang` (never answers: the form times out), `wordpress-message` (a WordPress
 * error page, for `protocol="wordpress"`).
 */
export const FAKE_SERVER = '/fake-comments';

/** The `action` of a form answered with `answer`. */
export const fakeAction = (answer: string) => `${FAKE_SERVER}?answer=${answer}`;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** Resolves after `ms`, or rejects as `fetch` does when `signal` aborts. */
function wait(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) {
      abort();
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        abort();
      },
      { once: true },
    );
  });
}

async function answer(url: URL, signal?: AbortSignal | null): Promise<Response> {
  const mode = url.searchParams.get('answer') ?? 'pending';
  await wait(mode === 'hang' ? 2 ** 31 - 1 : 600, signal);
  switch (mode) {
    case 'approved':
    case 'pending':
      return json(201, { id: 101, status: mode });
    case 'fields':
      return json(400, {
        errors: { email: "Cette adresse n'est pas acceptée ici.", content: 'Les liens ne sont pas autorisés.' },
      });
    case 'duplicate':
      return json(409, { error: 'duplicate' });
    case 'rate':
      return json(429, { error: 'rate limited' }, { 'Retry-After': '30' });
    case 'rate-no-delay':
      return json(429, { error: 'rate limited' });
    case 'network':
      throw new TypeError('Failed to fetch');
    case 'wordpress-message':
      return new Response(
        '<!DOCTYPE html><title>Erreur</title><div class="wp-die-message"><p><strong>Erreur :</strong> ce commentaire est trop court.</p></div>',
        {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        },
      );
    default:
      return json(500, { error: 'database unavailable' });
  }
}

/** Answers `/fake-comments` requests until the returned function is called (a story's `beforeEach` cleanup). */
export function installFakeCommentServer(): () => void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on window by the returned function
  const real = window.fetch;
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    return url.pathname === FAKE_SERVER ? answer(url, init?.signal) : real(input, init);
  };
  return () => {
    window.fetch = real;
  };
}

/** Forgets the drafts and remembered identities stories leave in this browser, so each story starts as shown. */
export function forgetDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comment')) localStorage.removeItem(key);
}

/**
 * A story's `beforeEach`: no drafts, and the fake server answering; both undone when the story is left. Designers
 * have no comment server, so the forms post to this one, in the browser.
 */
export function withFakeCommentServer(): () => void {
  forgetDrafts();
  const uninstall = installFakeCommentServer();
  return () => {
    uninstall();
    forgetDrafts();
  };
}
