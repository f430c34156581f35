/**
 * Classic injection payloads (OWASP's XSS filter-evasion cheat sheet, PortSwigger's XSS cheat sheet, and the
 * template-injection probes every framework gets), each of which calls the global trap `__xss()` if it ever runs.
 * test/hardening/xss.test.ts puts every one into every attribute, slot and field of every element.
 *
 * Kept under 245 characters each, so each one also fits the comment form's name field.
 */
export const PAYLOADS: readonly string[] = [
  // Script elements
  '<script>__xss()</script>',
  '<SCRIPT SRC=data:text/javascript,__xss()></SCRIPT>',
  '<script>/*</script><script>__xss()//*/</script>',
  '</script><script>__xss()</script>',
  '</title></textarea></style></noscript><script>__xss()</script>',
  '<<script>__xss();//<</script>',
  // Event-handler attributes
  '<img src=x onerror=__xss()>',
  '<img src="x" onerror="__xss()"/>',
  '<IMG SRC=/ onerror="__xss()"></img>',
  '<body onload=__xss()>',
  '<input autofocus onfocus=__xss()>',
  '<details open ontoggle=__xss()>',
  '<video><source onerror=__xss()></video>',
  '<div style="animation-name:x" onanimationstart=__xss()></div>',
  '<marquee onstart=__xss()>',
  // Broken quoting: break out of an attribute, then out of the tag
  '" onmouseover="__xss()" x="',
  "' onfocus='__xss()' autofocus '",
  '"><img src=x onerror=__xss()>',
  "'><svg onload=__xss()>",
  '`><img src=x onerror=__xss()>`',
  '"/><script>__xss()</script><x y="',
  // javascript:, vbscript: and data: URLs, with the usual disguises
  'javascript:__xss()',
  'JaVaScRiPt:__xss()',
  ' javascript:__xss()',
  'java\tscript:__xss()',
  'java\nscript:__xss()',
  '\u0001javascript:__xss()',
  'javascript://%0a__xss()',
  'javascript:/*--></title></style></textarea></script><svg/onload=__xss()>',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss()',
  'vbscript:msgbox(1)',
  'data:text/html,<script>parent.__xss()</script>',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="__xss()"/>',
  'DATA:image/png;base64,iVBORw0KGgo=',
  'x.png 1x, javascript:__xss() 2x',
  // SVG and MathML tricks
  '<svg><script>__xss()</script></svg>',
  '<svg/onload=__xss()>',
  '<svg><a xlink:href="javascript:__xss()"><text y="20">x</text></a></svg>',
  '<svg><animate onbegin=__xss() attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss()>',
  '<math><a xlink:href="javascript:__xss()">x</a></math>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=__xss() src>">',
  // Other elements that load or run things
  '<iframe src="javascript:parent.__xss()"></iframe>',
  '<iframe srcdoc="<script>parent.__xss()</script>"></iframe>',
  '<object data="javascript:__xss()"></object>',
  '<embed src="data:text/html,<script>parent.__xss()</script>">',
  '<a href="javascript:__xss()">click</a>',
  '<base href="javascript:__xss()//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss()">',
  '<template><script>__xss()</script></template>',
  '<!--<img src="--><img src=x onerror=__xss()//">',
  '<noscript><p title="</noscript><img src=x onerror=__xss()>">',
  // Template-literal, template-engine and placeholder injection
  '${__xss()}',
  '`${__xss()}`',
  '{{constructor.constructor("__xss()")()}}',
  '#{__xss()}',
  '<%= __xss() %>',
  '{date}{authors}{n}{min}{headline}',
  // Escapes that must stay as typed
  '\\u003cscript\\u003e__xss()\\u003c/script\\u003e',
  '\\x3cimg src=x onerror=__xss()\\x3e',
  '%3Cscript%3E__xss()%3C%2Fscript%3E',
  '&lt;script&gt;__xss()&lt;/script&gt;',
  '\u003cimg src=x onerror=__xss()\u003e',
  '＜script＞__xss()＜/script＞',
  '\u202e<img src=x onerror=__xss()>\u202c',
  'x\u0000<script>__xss()</script>',
  // Prototype and JSON tricks
  '__proto__',
  '{"__proto__":{"polluted":1}}',
  '"}</script><script>__xss()</script>{"',
];

/** The payloads that are URLs of a scheme no element may render into `href` or `src`. */
export const HOSTILE_SCHEME = /^(javascript|vbscript|data):/i;

/**
 * The scheme a browser would see in a URL attribute: it strips leading C0 controls and spaces, and tabs and
 * newlines anywhere, before it reads the scheme.
 */
export function schemeOf(value: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match ? match[1].toLowerCase() + ':' : '';
}
