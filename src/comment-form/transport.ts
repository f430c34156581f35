import { wordpressMessage } from '../comments/wordpress-content.js';

/** What the form sends: the body of the `json` protocol, mapped onto WordPress's field names for `wordpress`. */
export interface CommentPayload {
  post: string;
  parent: string | null;
  name: string;
  email: string;
  url: string;
  content: string;
}

/** Why a comment was not sent. `message`: WordPress refused it and said why; `action`: no usable `action` URL. */
export type FailReason =
  'network' | 'offline' | 'timeout' | 'rate' | 'duplicate' | 'server' | 'fields' | 'message' | 'action';

export type Sent = { status: 'pending' | 'approved'; answer: unknown };
export type Failed = {
  reason: FailReason;
  /** HTTP status, when there was an answer. */
  code?: number;
  /** Seconds to wait, from `Retry-After`. */
  wait?: number;
  /** Server messages per field (`json` protocol). */
  fields?: Record<string, string>;
  /** WordPress's own message, read from its error page as plain text. */
  message?: string;
};

/**
 * Posts a comment and classifies the answer. Never throws. The body is read within the same timeout.
 * `json`: 2xx `{ id, status }` is success, 4xx `{ errors }` field errors. `wordpress`: a redirect is success
 * (held for moderation when the final URL carries `unapproved=`); an error page's `div.wp-die-message` is
 * read as text without a DOM (`wordpressMessage`), never inserted as HTML.
 */
export async function send(
  action: string,
  wordpress: boolean,
  p: CommentPayload,
  headers: Record<string, string>,
  timeout: number,
  consent: boolean,
): Promise<Sent | Failed> {
  try {
    const response = await fetch(action, {
      method: 'POST',
      headers: wordpress ? headers : { ...headers, 'Content-Type': 'application/json' },
      body: wordpress
        ? new URLSearchParams({
            author: p.name,
            email: p.email,
            url: p.url,
            comment: p.content,
            comment_post_ID: p.post,
            comment_parent: p.parent || '0',
            ...(consent && { 'wp-comment-cookies-consent': 'yes' }),
          })
        : JSON.stringify(p),
      signal: AbortSignal.timeout(timeout),
      // Nothing may reach an origin the site did not name. WordPress answers with a redirect to the post, so
      // redirects are followed there, but only within the page's origin (`same-origin` turns any other into a
      // network error before the body is sent on). A JSON endpoint answers directly: a redirect is a failure.
      mode: wordpress ? 'same-origin' : 'cors',
      redirect: wordpress ? 'follow' : 'manual',
    });
    if (response.type === 'opaqueredirect') return { reason: 'server' };
    const text = await response.text();
    const { status: code, url } = response;
    const held = /[?&]unapproved=/.test(url);
    if (wordpress && (held || response.redirected)) return { status: held ? 'pending' : 'approved', answer: { url } };
    const message = wordpress ? wordpressMessage(text) : '';
    if (code === 409) return { reason: 'duplicate', code, message };
    if (code === 429) {
      // `Retry-After`: a number of seconds or an HTTP date; ignored when absent, past or unreadable.
      const after = response.headers.get('Retry-After') ?? '';
      const wait = Math.ceil(/^\d+$/.test(after) ? +after : (Date.parse(after) - Date.now()) / 1000);
      return { reason: 'rate', code, message, wait: wait > 0 ? wait : undefined };
    }
    if (wordpress) return message && code < 300 ? { reason: 'message', code, message } : { reason: 'server', code };
    let answer: { status?: unknown; errors?: Record<string, string> } | undefined;
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // A body that is not JSON (a proxy's HTML page, a cut answer) is a server failure.
    }
    if (response.ok && answer instanceof Object)
      return { status: answer.status === 'approved' ? 'approved' : 'pending', answer };
    if (code < 500 && answer?.errors) return { reason: 'fields', code, fields: answer.errors };
    return { reason: 'server', code };
  } catch (error) {
    // `AbortSignal.timeout` aborts the request, or the reading of its body, with a `TimeoutError`.
    return {
      reason: navigator.onLine === false ? 'offline' : (error as Error).name === 'TimeoutError' ? 'timeout' : 'network',
    };
  }
}
