import { textParagraphs, webUrl } from './content.js';
import type { Paragraph } from './content.js';
import { wordpressParagraphs } from './wordpress-content.js';

/** A comment as the thread shows it, whichever protocol it came from. */
export interface Comment {
  id: string;
  /** The id of the comment it answers; '' for a top-level comment. */
  parent: string;
  name: string;
  /** The author's website: an absolute http(s) URL, or ''. */
  url: string;
  /** ISO 8601 date-time; '' when unknown. */
  created: string;
  paragraphs: Paragraph[];
  /** Sent by this reader and held for moderation: shown only in this page. */
  pending?: boolean;
}

export type Protocol = 'json' | 'wordpress';

/** One page of a list, and what to ask for to get the next one ('' when this was the last). */
interface Page {
  comments: Comment[];
  next: string;
}

/** Comments per request: the most both the reference server (`limit`) and WordPress (`per_page`) give at once. */
const PAGE_SIZE = 100;
/** Requests for one list at most: 5,000 comments, so a server that always answers `next` cannot loop forever. */
const MAX_PAGES = 50;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A string or number field as text ('' for anything else: null, an object). */
const field = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? `${value}`.trim() : '';

/** A date the browser reads the same everywhere, as ISO 8601 in UTC; '' when it is not one. */
function isoDate(value: unknown, utc = false): string {
  const text = field(value);
  // WordPress's `date_gmt` has no zone ("2024-05-01T09:30:00"): it is UTC.
  const date = new Date(utc && /T\d\d:\d\d(:\d\d)?$/.test(text) ? `${text}Z` : text);
  return text && +date === +date ? date.toISOString() : '';
}

/** One item of the reference server's list (`{ id, parent, name, url, content, created }`), or undefined. */
function fromJson(item: unknown): Comment | undefined {
  if (!isObject(item) || !field(item.id)) return undefined;
  return {
    id: field(item.id),
    parent: field(item.parent),
    name: field(item.name),
    url: webUrl(field(item.url)),
    created: isoDate(item.created),
    paragraphs: textParagraphs(field(item.content)),
  };
}

/** One item of WordPress's `/wp/v2/comments` (`author_name`, `author_url`, `date_gmt`, `parent` 0 at the top). */
function fromWordPress(item: unknown): Comment | undefined {
  if (!isObject(item) || !field(item.id)) return undefined;
  const parent = field(item.parent);
  const content = isObject(item.content) ? field(item.content.rendered) : '';
  return {
    id: field(item.id),
    parent: parent === '0' ? '' : parent,
    name: field(item.author_name),
    url: webUrl(field(item.author_url)),
    created: isoDate(item.date_gmt, true),
    paragraphs: wordpressParagraphs(content),
  };
}

/** A list answer in either shape the reference server gives: an array, or `{ comments, next }`. */
function jsonPage(answer: unknown): Page {
  const items = Array.isArray(answer)
    ? answer
    : isObject(answer) && Array.isArray(answer.comments)
      ? answer.comments
      : undefined;
  if (!items) throw new TypeError('not a list of comments');
  const next = !Array.isArray(answer) && isObject(answer) ? field(answer.next) : '';
  return { comments: items.map(fromJson).filter((comment) => comment !== undefined), next };
}

/**
 * The comments a page passes in (the text of a `<script type="application/json">` child): the reference server's
 * list, as an array or as `{ comments }`. DOM-free, so lede-elements/ssr can read the same markup. `undefined` when
 * the text is not such a list.
 */
export function readComments(text: string): Comment[] | undefined {
  try {
    return jsonPage(JSON.parse(text)).comments;
  } catch {
    return undefined;
  }
}

/** The URL of one request: `json` asks `?post=…&limit=100[&after=cursor]`, `wordpress` `?post=…&per_page=100&page=n&order=asc`. */
function pageUrl(src: string, base: string, protocol: Protocol, post: string, cursor: string): string {
  const url = new URL(src, base);
  const query = url.searchParams;
  query.set('post', post);
  if (protocol === 'wordpress') {
    query.set('per_page', `${PAGE_SIZE}`);
    query.set('page', cursor || '1');
    query.set('order', 'asc');
  } else {
    query.set('limit', `${PAGE_SIZE}`);
    if (cursor) query.set('after', cursor);
  }
  return url.href;
}

/**
 * Every approved comment of `post`, following the pages to the last. Rejects when a page cannot be read (network,
 * HTTP error, not a list). `cache: 'no-cache'`: the browser's copy is checked with the server (a 304 when nothing
 * changed), so a reader who comes back after a moderator approved a comment sees it.
 */
export async function loadComments(src: string, base: string, protocol: Protocol, post: string): Promise<Comment[]> {
  const all: Comment[] = [];
  let cursor = '';
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const response = await fetch(pageUrl(src, base, protocol, post, cursor), {
      cache: 'no-cache',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const answer: unknown = await response.json();
    let page: Page;
    if (protocol === 'wordpress') {
      if (!Array.isArray(answer)) throw new TypeError('not a list of comments');
      const current = +(cursor || 1);
      const total = +(response.headers.get('X-WP-TotalPages') ?? '');
      // Without the header (a proxy that drops it), a full page means there may be another.
      const more = total > 0 ? current < total : answer.length >= PAGE_SIZE;
      page = {
        comments: answer.map(fromWordPress).filter((comment) => comment !== undefined),
        next: more ? `${current + 1}` : '',
      };
    } else page = jsonPage(answer);
    all.push(...page.comments);
    if (!page.next || page.next === cursor) break;
    cursor = page.next;
  }
  return all;
}
