import { nothing } from 'lit';

/** Languages offered in the toolbar; Arabic shows the right-to-left layout. */
export const languages = [
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'it', name: 'Italiano', dir: 'ltr' },
  { code: 'pt', name: 'Português', dir: 'ltr' },
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;

/** An attribute value from an arg: absent (`nothing`) when the control is empty. */
export const attr = <T>(value: T | null | undefined) =>
  value === null || value === undefined || value === '' ? nothing : value;

/** Waits until `check()` gives a truthy value (polled each animation frame), or throws after `timeout` ms. */
export async function until<T>(check: () => T, what: string, timeout = 5000): Promise<NonNullable<T>> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(requestAnimationFrame);
  }
}

/** The first element matching `selector` in the shadow root of the first `tag` inside `root`. */
export function inShadow<E extends Element = HTMLElement>(root: Element, tag: string, selector: string): E | null {
  return root.querySelector(tag)?.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** Two paragraphs of the reference article, for elements that need text around them. */
export const sampleText = [
  "Une purge massive de comptes de l'État islamique (IS) sur l'application de messagerie Telegram – la principale plate-forme utilisée par le groupe – a sérieusement perturbé sa distribution de propagande en ligne.",
  "L'agence européenne chargée de la lutte contre le crime Europol, Europol, a déclaré dans un communiqué de presse du 22 novembre qu'une journée d'action concentrée avait eu pour conséquence « qu'une partie importante des acteurs clés du réseau IS sur Telegram » avait été « repoussée de la plate-forme ».",
];

/** A comment-form field, by the id of its input. */
export type Field = 'name' | 'email' | 'url' | 'content';

/**
 * Types values into a comment form as a reader would (each field's value, then an `input` event), for the stories
 * that show a filled form. The tests have their own helper; stories do not import from test/.
 */
export async function fill(
  form: HTMLElement & { updateComplete: Promise<unknown> },
  values: Partial<Record<Field, string>>,
): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = form.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await form.updateComplete;
}
