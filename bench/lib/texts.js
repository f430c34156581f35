// The texts counted by figure 3: the French reference article (test/fixtures/article-fr.json) and an English
// text written for the benchmark, each repeated to an exact size in UTF-8 bytes (cut at a space).
import { readFileSync } from 'node:fs';

/** @type {{ title: string, blocks: Array<{ text?: string, caption?: string, credit?: string }> }} */
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- JSON.parse is `any`; the type is on the line below
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/article-fr.json', import.meta.url), 'utf8'));

export const FRENCH = [
  fixture.title,
  ...fixture.blocks.map((block) => block.text ?? `${block.caption ?? ''} ${block.credit ?? ''}`),
]
  .filter(Boolean)
  .join('\n\n');

export const ENGLISH = `Local newspapers have always measured their readers in minutes. A morning edition was something you finished over coffee; an evening one filled the train ride home. When those papers moved to the web, the minutes did not go away, they simply became harder to see. A page that scrolls forever gives no hint of how long it will take, and readers, reasonably, leave before they find out.

The editors who first put a reading time at the top of their stories were not chasing a fashion. They had noticed that people who knew a piece would take six minutes were more likely to start it, and much more likely to finish it, than people who were given no idea at all. Estimates do not need to be exact to be useful. They need to be honest, stable from one visit to the next, and quick enough to compute that nobody waits for them.

That last point matters more than it seems. A long investigation can run to twelve thousand words, with tables, quotes, footnotes and a dozen photographs. Counting those words on a phone, in the middle of rendering the page, should cost nothing anyone could notice. The same counter may also run on a server that builds thousands of pages a night, or inside an editor that recounts the draft on every keystroke. In each of those places a counter that slows down as the text grows is a problem waiting for a large enough article.

Words are not as simple as they look. "Don't" is one word, and so is "well-known"; "3.5" is a number, not two; a dash between clauses is punctuation, not a word at all. Headlines, captions and credits are read too, although more quickly than body text, and a picture asks for a few seconds of attention of its own. None of this needs a dictionary. It needs a careful definition of where a word begins and ends, applied in a single pass over the text.

`;

/**
 * `text` repeated to `size` UTF-8 bytes, cut back to the last space so no word or character is split.
 * @param {string} text @param {number} size
 */
export function sized(text, size) {
  const unit = Buffer.byteLength(text);
  const whole = text.repeat(Math.ceil(size / unit) + 1);
  const cut = Buffer.from(whole).subarray(0, size).toString('utf8');
  return cut.slice(0, cut.lastIndexOf(' '));
}
