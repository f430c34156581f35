import 'lede-elements/figure';

const figure: HTMLElementTagNameMap['lede-figure'] = document.querySelector('lede-figure')!;
figure.creditPosition = 'below';
