import 'lede-elements';
