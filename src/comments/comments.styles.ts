import { base, css } from '../shared/styles.js';

export default css`
  ${base}

  :host {
    display: block;
  }

  h2,
  h3,
  p {
    margin: 0 0 var(--_space);
  }

  /* While the list loads, its space is kept, so the form and what follows do not jump down when it arrives. */
  [part=status] {
    min-block-size: var(--lede-comments-min-height, 12rem);
  }

  [part=status],
  [part=date],
  [part=pending] {
    color: var(--_muted);
  }

  [part=thread] {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  /* Replies: indented on the start side (right in Arabic), with a line that ties them to their parent. */
  [part=thread] [part=thread] {
    margin-inline-start: var(--_space);
    padding-inline-start: var(--_space);
    border-inline-start: 2px solid var(--_border);
  }

  [part=comment] {
    margin-block-end: var(--_space);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 .75em;
    margin-block-end: .25em;
  }

  [part=author] {
    font-weight: 700;
  }

  a {
    color: inherit;
  }

  [part=date],
  [part=pending] {
    font-size: .875em;
  }

  [part=pending] {
    font-style: italic;
  }

  /* A line break inside a paragraph (a single newline, or WordPress's <br>) is kept. */
  [part=content] p {
    white-space: pre-line;
    overflow-wrap: anywhere;
    margin-block-end: .5em;
  }

  button {
    font: inherit;
    padding: .25em .75em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: none;
    color: var(--_accent);
  }

  [part=reply-form] {
    margin-block: var(--_space);
  }

  [part=more] {
    margin-block-end: var(--_space);
  }
`;
