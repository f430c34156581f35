import type { Comment } from './source.js';

/** A comment with its replies, oldest first. */
export interface ThreadItem {
  comment: Comment;
  replies: ThreadItem[];
}

/** Oldest first: by date, then by id (numerically when both are numbers), so equal dates keep a stable order. */
function byDate(a: Comment, b: Comment): number {
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  const [x, y] = [Number(a.id), Number(b.id)];
  return x === x && y === y ? x - y : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The comments as a thread: replies under their parent, oldest first; top-level comments oldest first, or newest
 * first with `newest`. A reply whose parent is not in the list (deleted, still held) is shown at the top level, and
 * so is a comment in a loop of parents (bad data), so that nothing published is lost.
 */
export function buildThread(comments: Comment[], newest: boolean): ThreadItem[] {
  const items = new Map<string, ThreadItem>();
  for (const comment of [...comments].sort(byDate))
    if (!items.has(comment.id)) items.set(comment.id, { comment, replies: [] });
  const top: ThreadItem[] = [];
  for (const item of items.values()) {
    const parent = item.comment.parent && items.get(item.comment.parent);
    if (parent && !loops(item, items)) parent.replies.push(item);
    else top.push(item);
  }
  return newest ? top.reverse() : top;
}

/** Whether following the parents up from `item` comes back to it. */
function loops(item: ThreadItem, items: Map<string, ThreadItem>): boolean {
  const seen = new Set<string>();
  let id = item.comment.parent;
  while (id) {
    const parent = items.get(id);
    if (!parent) return false;
    if (id === item.comment.id || seen.has(id)) return true;
    seen.add(id);
    id = parent.comment.parent;
  }
  return false;
}
