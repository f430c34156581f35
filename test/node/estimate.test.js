// The pure estimate in Node, from the built package entry (`lede-elements/reading-time`): no DOM, no browser.
// Run after `npx vite build`: node --test test/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { estimateReadingTime } from '../../dist/lib/reading-time/define.js';

const words = (n, word = 'mot') => Array(n).fill(word).join(' ');
const count = (text, lang) => estimateReadingTime(text, { lang }).words;

test('counts hand-counted French: spaced punctuation is not words, elisions and hyphens count once', () => {
  // L'agence | européenne | dit-on | a | déclaré | Bonjour | Le | 22 | novembre | 2 | 096 | comptes | ont | été | retirés
  assert.equal(count("L'agence européenne, dit-on, a déclaré : « Bonjour » ! Le 22 novembre, 2 096 comptes ont été retirés…", 'fr'), 15);
  // qu’une | partie | importante | Al-Qaïda | 3,5 | 2 096 (narrow no-break space: one number) | l’État
  assert.equal(count('qu’une partie importante ; Al-Qaïda ? 3,5 % — 2\u202f096 … l’État !', 'fr'), 7);
  assert.equal(count(' : ; ! ? « » – — … ', 'fr'), 0);
});

test('counts hand-counted English', () => {
  // It's | a | well-known | fact | 42 | readers | don't | skim | they | read
  assert.equal(count("It's a well-known fact: 42 readers don't skim — they read.", 'en'), 10);
});

test('counts Chinese and Japanese characters, not words', () => {
  // 欧 洲 刑 警 组 织 删 除 了 账 户
  assert.equal(count('欧洲刑警组织删除了账户。', 'zh'), 11);
  // 東 京 タ ワ ー へ 行 き ま し た
  assert.equal(count('東京タワーへ行きました。', 'ja'), 11);
  // Telegram | 上 | 的 | 账 | 户
  assert.equal(count('Telegram上的账户', 'zh'), 5);
});

test('reads at 238 words a minute in English, scaled by IReST for other languages', () => {
  assert.deepEqual(estimateReadingTime(words(238, 'word'), { lang: 'en' }), { words: 238, images: 0, seconds: 60, minutes: 1 });
  assert.equal(estimateReadingTime(words(239, 'word'), { lang: 'en' }).minutes, 2);
  // French: 238 × 195 / 228 = 203.6 words a minute.
  assert.equal(estimateReadingTime(words(203), { lang: 'fr' }).minutes, 1);
  assert.equal(estimateReadingTime(words(204), { lang: 'fr-CA' }).minutes, 2);
  // German: 238 × 179 / 228 = 186.9.
  assert.equal(estimateReadingTime(words(186), { lang: 'de' }).seconds, 60);
  // Chinese 238 × 255 / 228 = 266.2 and Japanese 238 × 357 / 228 = 372.7 characters a minute.
  assert.equal(estimateReadingTime('字'.repeat(266), { lang: 'zh' }).seconds, 60);
  assert.equal(estimateReadingTime('字'.repeat(267), { lang: 'zh' }).minutes, 2);
  assert.equal(estimateReadingTime('あ'.repeat(372), { lang: 'ja' }).seconds, 60);
  // Unknown languages read at the English rate; wpm overrides the language.
  assert.equal(estimateReadingTime(words(238), { lang: 'tlh' }).seconds, 60);
  assert.equal(estimateReadingTime(words(300), { lang: 'fr', wpm: 100 }).seconds, 180);
});

test('adds image time as Medium: 12 s, one second less each, 3 s from the tenth on', () => {
  const images = (n) => estimateReadingTime('', { images: n }).seconds;
  assert.deepEqual([0, 1, 2, 9, 10, 11, 12].map(images), [0, 12, 23, 72, 75, 78, 81]);
  assert.deepEqual(estimateReadingTime('', { images: 1 }), { words: 0, images: 1, seconds: 12, minutes: 1 });
});

test('gives 0 minutes only for no words and no images; otherwise at least 1', () => {
  assert.deepEqual(estimateReadingTime(''), { words: 0, images: 0, seconds: 0, minutes: 0 });
  assert.deepEqual(estimateReadingTime('Bonjour', { lang: 'fr' }), { words: 1, images: 0, seconds: 1, minutes: 1 });
});

test('ignores bad options and input without throwing', () => {
  assert.deepEqual(estimateReadingTime('un deux', { wpm: -1, images: -4, lang: '' }), { words: 2, images: 0, seconds: 1, minutes: 1 });
  assert.deepEqual(estimateReadingTime(undefined), { words: 0, images: 0, seconds: 0, minutes: 0 });
  assert.equal(estimateReadingTime('un', { wpm: Number.NaN, images: Number.NaN }).minutes, 1);
});

test('measures the reference article at 4 or 5 minutes in French', () => {
  const article = JSON.parse(readFileSync(new URL('../fixtures/article-fr.json', import.meta.url), 'utf8'));
  const text = [article.title, ...article.blocks.map((b) => [b.text, b.caption, b.credit].filter(Boolean).join('\n'))].join('\n');
  const images = article.blocks.filter((b) => b.type === 'figure').length;
  const result = estimateReadingTime(text, { lang: article.lang, images });
  assert.equal(images, 2);
  assert.ok(result.words > 650 && result.words < 750, `${result.words} words`);
  assert.ok([4, 5].includes(result.minutes), `${result.minutes} minutes`);
});

test('counts in linear time: 1 MB of French in well under a second', () => {
  const paragraph = "L'agence européenne chargée de la lutte contre le crime, Europol, a déclaré : « 2 096 comptes » ! ";
  const small = paragraph.repeat(1000);
  const big = paragraph.repeat(10_000);
  assert.equal(estimateReadingTime(big).words, 10 * estimateReadingTime(small).words);
  const start = performance.now();
  estimateReadingTime(big, { lang: 'fr' });
  const elapsed = performance.now() - start;
  assert.ok(elapsed < 1000, `${Math.round(elapsed)} ms for ${big.length} characters`);
});
