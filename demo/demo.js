// The demo page's own behaviour: a language switch and the list of approved comments. Plain DOM, no HTML
// parsing of server text, so it runs under the page's strict Content-Security-Policy.
const root = document.documentElement;
const language = document.getElementById('language');

function applyLanguage(lang) {
  root.lang = lang;
  for (const node of document.querySelectorAll('[data-fr][data-en]')) node.textContent = node.dataset[lang];
  language.lang = lang === 'fr' ? 'en' : 'fr';
}

language.addEventListener('click', () => applyLanguage(root.lang === 'fr' ? 'en' : 'fr'));

const list = document.getElementById('comment-list');

async function loadComments() {
  try {
    const response = await fetch(`/api/comments?post=${encodeURIComponent(list.dataset.post)}`);
    if (!response.ok) return;
    const comments = await response.json();
    list.replaceChildren(
      ...comments.map((comment) => {
        const item = document.createElement('li');
        const author = document.createElement('div');
        author.className = 'author';
        author.textContent = comment.name;
        const content = document.createElement('p');
        content.textContent = comment.content;
        item.append(author, content);
        return item;
      }),
    );
  } catch {
    // No comment server (the page opened as a file, say): the article still reads fine.
  }
}

void loadComments();
document.addEventListener('lede-comment-sent', () => void loadComments());
