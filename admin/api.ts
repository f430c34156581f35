// The admin API of the reference server (server/app.js), as the moderation page calls it: Bearer token, JSON.

/** A comment as the admin API gives it: every column, e-mail and address included. */
export interface AdminComment {
  id: number;
  post: string;
  parent: number | null;
  name: string;
  email: string;
  url: string | null;
  content: string;
  status: 'pending' | 'approved';
  address: string;
  created: string;
}

export type Status = AdminComment['status'];

/** What went wrong, for the page to say: a refused token, too many failed tokens, no such comment, anything else. */
export type Failure =
  | { reason: 'unauthorized' }
  | { reason: 'throttled'; retryAfter: number }
  | { reason: 'not-found' }
  | { reason: 'unavailable' };

export type Result<T> = { ok: true; value: T } | ({ ok: false } & Failure);

/** Seconds to wait when a 429 comes without a readable Retry-After. */
const DEFAULT_RETRY_AFTER = 60;

async function call<T>(token: string, method: 'GET' | 'POST', path: string): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  if (response.status === 401) return { ok: false, reason: 'unauthorized' };
  if (response.status === 404) return { ok: false, reason: 'not-found' };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    return {
      ok: false,
      reason: 'throttled',
      retryAfter: Number.isSafeInteger(seconds) && seconds > 0 ? seconds : DEFAULT_RETRY_AFTER,
    };
  }
  if (!response.ok) return { ok: false, reason: 'unavailable' };
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
}

/** The comments of one status, oldest first, or the `newest` ones (the API's order=newest and limit). */
export const listComments = (token: string, status: Status, newest?: number) =>
  call<AdminComment[]>(
    token,
    'GET',
    `/api/admin/comments?status=${status}${newest ? `&order=newest&limit=${newest}` : ''}`,
  );

export const approveComment = (token: string, id: number) =>
  call<unknown>(token, 'POST', `/api/admin/comments/${id}/approve`);

export const deleteComment = (token: string, id: number) =>
  call<unknown>(token, 'POST', `/api/admin/comments/${id}/delete`);
