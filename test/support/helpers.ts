// Small helpers the browser tests share.
import type { LedeCommentForm } from '../../src/comment-form/comment-form.js';

/** The text a node shows, whitespace collapsed. */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Captures console.warn while `run` is pending. */
export async function warnings(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

export type Field = 'name' | 'email' | 'url' | 'content';

/** A comment-form control by id. */
export const control = (el: LedeCommentForm, id: Field | 'remember'): HTMLInputElement =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;

/** Sets each field's value and fires `input`, as the browser does when a reader types or pastes. */
export async function fill(
  el: LedeCommentForm,
  values: Partial<Record<Field, string>> | Record<string, string>,
): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = control(el, id as Field);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

/** Resolves after two animation frames: the element has rendered and the browser has laid out and painted. */
export const frames = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** The element of `el`'s shadow root that has `name` among its parts. */
export const part = <E extends HTMLElement = HTMLElement>(el: Element, name: string): E =>
  el.shadowRoot!.querySelector<E>(`[part~="${name}"]`)!;

/** Captures console.warn from now on, until `restore()`. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.join(' '));
  return { messages, restore: () => (console.warn = original) };
}

/**
 * A clock the test moves by hand: `Date.now()` answers `now`, and `setInterval` callbacks of `period` ms are
 * collected instead of scheduled, to be run by `tick()`. `restore()` puts the real ones back.
 */
export function fakeClock(period: number): {
  now: number;
  callbacks: Array<() => void>;
  tick: () => void;
  restore: () => void;
} {
  const realNow = Date.now;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on window by restore()
  const realInterval = window.setInterval;
  const callbacks: Array<() => void> = [];
  const clock = {
    now: realNow(),
    callbacks,
    tick: () => callbacks.forEach((callback) => callback()),
    restore: () => {
      Date.now = realNow;
      window.setInterval = realInterval;
    },
  };
  Date.now = () => clock.now;
  window.setInterval = ((callback: () => void, ms: number) => {
    if (ms === period) callbacks.push(callback);
    return realInterval(() => {}, 1e9);
  }) as typeof setInterval;
  return clock;
}

/** A node of Chromium's accessibility tree, as puppeteer's snapshot gives it. */
export interface AxNode {
  role: string;
  name: string;
  description?: string;
  children?: AxNode[];
}

/**
 * Chromium's own accessibility tree of the page (roles, names and descriptions as screen readers get them), as a
 * flat list in document order. Served by test/support/ax-tree.js.
 */
export async function axNodes(): Promise<AxNode[]> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  const root = await executeServerCommand<AxNode, undefined>('ax-tree');
  const out: AxNode[] = [];
  const visit = (node: AxNode) => {
    out.push(node);
    node.children?.forEach(visit);
  };
  visit(root);
  return out;
}
