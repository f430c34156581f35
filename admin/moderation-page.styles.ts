import { css } from 'lit';

// Light and dark follow the system (the page says `color-scheme: light dark`); contrasts meet WCAG AA in both.
export default css`
  :host {
    display: block;
    max-width: 60rem;
    margin: 0 auto;
    padding: 1rem;
    font: 1rem/1.5 system-ui, sans-serif;
    --muted: light-dark(#595959, #b3b3b3);
    --accent: light-dark(#0b57d0, #a8c7fa);
    --border: light-dark(#767676, #8c8c8c);
    --danger: light-dark(#b00020, #ff8a80);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    border-bottom: 1px solid var(--border);
    margin-bottom: 1rem;
  }
  h1 {
    font-size: 1.5rem;
    margin: 0.5rem 0;
  }
  h2 {
    font-size: 1.25rem;
    margin: 1.5rem 0 0.5rem;
  }
  h3 {
    font-size: 1.05rem;
    margin: 0;
  }
  .tools,
  .actions {
    display: flex;
    gap: 0.5rem;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    padding: 0.35rem 0.9rem;
    border: 1px solid var(--border);
    border-radius: 4px;
    background: transparent;
    cursor: pointer;
  }
  button[type='submit'],
  button[data-action='approve'] {
    border-color: var(--accent);
    color: var(--accent);
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  :focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 2px;
  }
  h2:focus {
    outline-offset: 4px;
  }
  form {
    display: grid;
    gap: 0.5rem;
    max-width: 28rem;
  }
  input {
    padding: 0.4rem;
    border: 1px solid var(--border);
    border-radius: 4px;
    background: transparent;
  }
  .error {
    color: var(--danger);
  }
  .error:empty,
  .announcement:empty {
    margin: 0;
  }
  .note,
  .empty,
  dt {
    color: var(--muted);
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 1rem;
  }
  article {
    border: 1px solid var(--border);
    border-radius: 4px;
    padding: 0.75rem 1rem;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.25rem 1rem;
    margin: 0.5rem 0;
    font-size: 0.9rem;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .content {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0.5rem 0 0.75rem;
  }
`;
