// The JSX typings of the elements: React's JSX.IntrinsicElements learns the five tags and their attributes.
import type {} from 'lede-elements/react';
import 'lede-elements';

// Every tag, with attributes as a page writes them. test/consumers/run.js also checks that a copy of this file
// with `caption` misspelt on <lede-figure> fails `tsc`.
export function App() {
  return (
    <article>
      <lede-article-header published="2019-11-27" author="Ada">
        <h1>Titre</h1>
      </lede-article-header>
      <lede-reading-time minutes={4}></lede-reading-time>
      <lede-figure
        src="/photo.svg"
        alt="Un carré"
        width={40}
        height={30}
        caption="Un carré gris"
        credit="Lede"
      ></lede-figure>
      <lede-comment-form action="/comments" post-id="1"></lede-comment-form>
      <lede-comments src="/comments.json" action="/comments" post-id="1"></lede-comments>
    </article>
  );
}
