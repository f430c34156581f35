/**
 * The zoom dialog of `<lede-figure zoomable>`: its template and its styles. `figure.ts` imports this module on the
 * first zoom (a dynamic `import()`), so a page whose reader never zooms never downloads it: the static build makes it
 * a chunk of its own, dist/lib/ keeps it a module of its own for apps' bundlers, dist/lede.js inlines it.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { css } from '../shared/styles.js';

/** What the dialog shows, read from the figure when it opens. */
export interface Zoomed {
  /** The image's URL (`currentSrc`, the candidate the browser chose), if safe. */
  src?: string;
  /** Its safe `srcset` candidates, which the dialog offers at `sizes="100vw"`. */
  srcset?: string;
  /** Its alternative text, which also names the dialog. */
  alt: string;
  /** The figure's caption and credit, as text. */
  caption: string;
  credit: string;
}

const styles = css`
  dialog::backdrop {
    background: #000c;
  }

  dialog img {
    max-height: 80vh;
  }

  form {
    text-align: end;
  }
`;

/** Adds the dialog's styles to the figure's shadow root, after its own: once, on the figure's first zoom. */
export function adoptZoomStyles(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The modal dialog: its close button (labelled `close`), the image, the caption and the credit after `creditLabel`. */
export const zoomDialog = (
  { src, srcset, alt, caption, credit }: Zoomed,
  close: string,
  creditLabel: TemplateResult,
): TemplateResult =>
  html`<dialog part="dialog" closedby="any" aria-label=${alt || caption || nothing}>
    <form method="dialog"><button class="close">${close}</button></form>
    <img src=${src ?? nothing} srcset=${srcset ?? nothing} sizes="100vw" alt=${alt} />
    <p>${caption} ${credit ? html`${creditLabel} ${credit}` : nothing}</p>
  </dialog>`;
