import 'lede-elements';
import { estimateReadingTime } from 'lede-elements/reading-time';

// Typed through HTMLElementTagNameMap: a wrong property name or type here fails `tsc`.
const figure = document.querySelector('lede-figure')!;
figure.caption = 'Un carré gris';
figure.showLabels = false;
const time = document.querySelector('lede-reading-time')!;
const { words }: { words: number } = estimateReadingTime('Un deux trois', { lang: 'fr' });
time.dataset.words = String(words);
