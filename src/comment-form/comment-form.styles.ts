import { base, css } from '../shared/styles.js';

export default css`
  ${base}

  :host {
    display: block;
  }

  form,
  [part=field] {
    display: grid;
    gap: var(--_space);
  }

  [part=field] {
    gap: .25em;
  }

  h3,
  p {
    margin: 0 0 var(--_space);
  }

  form p {
    margin: 0;
  }

  [part=notice],
  .note,
  .counter {
    color: var(--_muted);
  }

  input,
  textarea,
  button {
    font: inherit;
  }

  [part=input],
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: .5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [aria-invalid=true] {
    border: 2px solid var(--_danger);
  }

  [part=error] {
    color: var(--_danger);
  }

  /* Off the start edge, which never scrolls (left in ltr, right in rtl). */
  .bait {
    position: absolute;
    inset-inline-start: -9999px;
  }

  [part=submit] {
    justify-self: start;
    padding: .5em 1em;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_surface);
  }
`;
