import 'lede-elements/figure';
