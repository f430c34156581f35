// The hand-written equivalent of <lede-comment-form>'s typing behaviour, for the static page of figure 5:
// on each input the counter is updated near the limit and the draft is saved to localStorage 500 ms after
// the last keystroke, under the same kind of key.
const MAX = 5000;
const form = document.querySelector('.lede-comment-form form') ?? document.querySelector('form');
const counter = form?.querySelector('.counter');
/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;
form?.addEventListener('input', (event) => {
  const field = event.target;
  if (!(field instanceof HTMLTextAreaElement)) return;
  const left = MAX - field.value.length;
  if (counter) counter.textContent = left <= MAX / 10 ? `${left} caractères restants` : '';
  clearTimeout(timer);
  timer = setTimeout(() => {
    try {
      localStorage.setItem('bench-comment:draft', JSON.stringify({ content: field.value }));
    } catch {
      // storage full or blocked: no draft
    }
  }, 500);
});
