// The demo page's own behaviour: the language switch. The page's language is `?lang=` when given (the server renders
// it in that language), else the page's own; the switch changes both, so a reload or a shared link shows what the
// reader chose. Plain DOM, no HTML parsing, so it runs under the page's strict Content-Security-Policy.
const LANGUAGES = ['fr', 'en'];
const root = document.documentElement;
const button = document.getElementById('language');

function applyLanguage(lang) {
  root.lang = lang;
  for (const node of document.querySelectorAll('[data-fr][data-en]')) node.textContent = node.dataset[lang];
  button.lang = lang === 'fr' ? 'en' : 'fr';
}

button.addEventListener('click', () => {
  const lang = root.lang === 'fr' ? 'en' : 'fr';
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
  applyLanguage(lang);
});

const asked = new URLSearchParams(location.search).get('lang');
applyLanguage(LANGUAGES.includes(asked) ? asked : root.lang);
