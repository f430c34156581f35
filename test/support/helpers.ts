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
export async function fill(el: LedeCommentForm, values: Partial<Record<Field, string>> | Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = control(el, id as Field);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
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
  const root = (await executeServerCommand('ax-tree')) as AxNode;
  const out: AxNode[] = [];
  const visit = (node: AxNode) => {
    out.push(node);
    node.children?.forEach(visit);
  };
  visit(root);
  return out;
}
