/**
 * Hostile briefing bodies: Markdown an attacker (or a careless copy-paste) could put in a policy briefing.
 * Rendering any of them must give only whitelisted elements, whitelisted attributes and safe URLs; the unit
 * tests check the nodes (test/core/rich-text.test.ts) and a browser test can render them in Chromium.
 */
export type XssPayload = { name: string; markdown: string };

const JS = 'javascript:alert(1)';

export const XSS_PAYLOADS: XssPayload[] = [
  // Raw HTML: shown as text (html: false), never parsed.
  { name: 'raw script tag', markdown: '<script>alert(1)</script>' },
  {
    name: 'script tag inside a paragraph',
    markdown: '通知 <script>alert(document.cookie)</script> **请阅读**',
  },
  { name: 'script tag as an HTML block', markdown: '<script>\nalert(1)\n</script>\n\n正文' },
  { name: 'img onerror', markdown: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror with quotes', markdown: '<img src="x" onerror="alert(1)">' },
  { name: 'svg onload', markdown: '<svg onload=alert(1)>' },
  { name: 'svg with script', markdown: '<svg><script>alert(1)</script></svg>' },
  { name: 'iframe javascript src', markdown: `<iframe src="${JS}"></iframe>` },
  { name: 'iframe srcdoc', markdown: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'anchor tag with javascript href', markdown: `<a href="${JS}">点我</a>` },
  { name: 'style tag', markdown: '<style>body{display:none}</style>' },
  { name: 'object tag', markdown: `<object data="${JS}"></object>` },
  { name: 'embed tag', markdown: `<embed src="${JS}">` },
  { name: 'form with javascript action', markdown: `<form action="${JS}"><button>提交</button></form>` },
  { name: 'meta refresh', markdown: `<meta http-equiv="refresh" content="0;url=${JS}">` },
  { name: 'base href', markdown: '<base href="javascript:/">' },
  { name: 'math with xlink href', markdown: `<math><mi xlink:href="${JS}">x</mi></math>` },
  { name: 'html comment hiding a script', markdown: '<!-- x --><script>alert(1)</script>' },
  { name: 'CDATA section', markdown: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'inline html in a table cell', markdown: '| a |\n| - |\n| <img src=x onerror=alert(1)> |' },
  { name: 'inline html in a blockquote', markdown: '> <svg onload=alert(1)>' },
  { name: 'html inside inline code', markdown: '`<script>alert(1)</script>`' },
  { name: 'html inside a fenced code block', markdown: '```html\n<script>alert(1)</script>\n```' },

  // Markdown links and images with dangerous or obfuscated URLs.
  { name: 'javascript link', markdown: `[x](${JS})` },
  { name: 'javascript link, mixed case', markdown: '[x](JaVaScRiPt:alert(1))' },
  { name: 'javascript link, leading space in angle brackets', markdown: `[x](< ${JS}>)` },
  { name: 'javascript link in angle brackets', markdown: `[x](<${JS}>)` },
  { name: 'javascript link, leading control character', markdown: `[x](\u0001${JS})` },
  { name: 'javascript link, tab entity', markdown: '[x](jav&#x09;ascript:alert(1))' },
  { name: 'javascript link, newline entity', markdown: '[x](java&#10;script:alert(1))' },
  { name: 'javascript link, raw newline', markdown: '[x](<java\nscript:alert(1)>)' },
  {
    name: 'javascript link, percent-encoded scheme',
    markdown: '[x](%6A%61%76%61%73%63%72%69%70%74:alert(1))',
  },
  { name: 'javascript link, &colon; entity', markdown: '[x](javascript&colon;alert(1))' },
  { name: 'javascript link, numeric colon entity', markdown: '[x](javascript&#58;alert(1))' },
  {
    name: 'javascript link, fully entity-encoded',
    markdown: '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  },
  { name: 'javascript link, hex entity first letter', markdown: '[x](&#x6A;avascript:alert(1))' },
  { name: 'javascript link, backslash-escaped colon', markdown: '[x](javascript\\:alert(1))' },
  { name: 'javascript link, null byte', markdown: '[x](java\u0000script:alert(1))' },
  { name: 'javascript link, line separator', markdown: '[x](java\u2028script:alert(1))' },
  { name: 'javascript link, paragraph separator', markdown: '[x](java\u2029script:alert(1))' },
  { name: 'javascript link, zero-width space', markdown: '[x](java\u200Bscript:alert(1))' },
  { name: 'javascript link, fullwidth colon', markdown: '[x](javascript：alert(1))' },
  { name: 'javascript after an https scheme without slashes', markdown: '[x](https:javascript:alert(1))' },
  { name: 'javascript disguised as tel', markdown: '[x](tel:javascript:alert(1))' },
  { name: 'vbscript link', markdown: '[x](vbscript:msgbox(1))' },
  {
    name: 'data: text/html link',
    markdown: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  },
  { name: 'file: link', markdown: '[x](file:///etc/passwd)' },
  { name: 'protocol-relative link', markdown: '[x](//evil.example/x)' },
  { name: 'link with credentials before the host', markdown: '[x](https://gov.cn@evil.example/)' },
  { name: 'javascript image', markdown: `![x](${JS})` },
  { name: 'data: png image', markdown: '![x](data:image/png;base64,iVBORw0KGgo=)' },
  {
    name: 'data: svg image',
    markdown: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  },
  { name: 'plain http image', markdown: '![x](http://evil.example/x.png)' },
  {
    name: 'image URL breaking out of the attribute',
    markdown: '![x](https://a.example/x.png" onerror="alert(1))',
  },
  {
    name: 'link URL breaking out of the attribute',
    markdown: '[x](<https://a.example/" onclick="alert(1)>)',
  },

  // Autolinks and reference-style links.
  { name: 'javascript autolink', markdown: `<${JS}>` },
  { name: 'javascript autolink, upper case', markdown: '<JAVASCRIPT:alert(1)>' },
  { name: 'data: autolink', markdown: '<data:text/html,alert(1)>' },
  { name: 'bare javascript text (no linkify)', markdown: `${JS} 与 www.evil.example` },
  { name: 'reference-style javascript link', markdown: `[x][r]\n\n[r]: ${JS}` },
  { name: 'reference-style javascript image', markdown: `![x][r]\n\n[r]: ${JS}` },
  {
    name: 'reference-style link with event title',
    markdown: '[x][r]\n\n[r]: https://ok.example "onmouseover=alert(1)"',
  },
  { name: 'shortcut reference to data:', markdown: '[点我]\n\n[点我]: data:text/html,alert(1)' },

  // Titles (must be dropped) and nesting.
  { name: 'link title with an event handler', markdown: '[a](https://x.example "onmouseover=alert(1)")' },
  {
    name: 'link title breaking out of its quotes',
    markdown: '[a](https://x.example "\\" onmouseover=\\"alert(1)")',
  },
  { name: 'link title in parentheses', markdown: "[a](https://x.example (onmouseover='alert(1)'))" },
  {
    name: 'image title with an event handler',
    markdown: '![a](https://x.example/a.png "\\" onerror=\\"alert(1)")',
  },
  { name: 'link nested in a link text', markdown: `[[x](${JS})](https://ok.example)` },
  { name: 'link nested in an image alt', markdown: `![[x](${JS})](https://ok.example/a.png)` },
  { name: 'image nested in a javascript link', markdown: `[![x](https://ok.example/a.png)](${JS})` },
  { name: 'unbalanced brackets', markdown: `[[[x]](${JS})]]](${JS})` },

  // Entities and odd characters in text.
  { name: 'entity-encoded script tag', markdown: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { name: 'double-encoded img tag', markdown: '&amp;lt;img src=x onerror=alert(1)&amp;gt;' },
  { name: 'nbsp entity text', markdown: '&amp;nbsp;&nbsp;&#0;&#xD800;' },
  { name: 'null bytes in text and tags', markdown: '<scr\u0000ipt>alert(1)</scr\u0000ipt>\u0000' },
  {
    name: 'unicode line separators in text',
    markdown: '第一\u2028第二\u2029<script>\u2028alert(1)</script>',
  },

  // Very long and deeply nested inputs.
  { name: 'very long run of brackets', markdown: '['.repeat(30000) },
  { name: 'very long run of emphasis markers', markdown: '*_'.repeat(15000) },
  { name: 'very long URL', markdown: `[x](https://a.example/${'a'.repeat(30000)})` },
  { name: 'many javascript links', markdown: `[x](${JS}) `.repeat(3000) },
  { name: 'many small elements', markdown: '*a* '.repeat(6000) },
  { name: 'deeply nested blockquotes', markdown: `${'>'.repeat(200)} <script>alert(1)</script>` },
  {
    name: 'deeply nested lists',
    markdown: Array.from({ length: 60 }, (_v, i) => `${'  '.repeat(i)}- 第${i}层 [x](${JS})`).join('\n'),
  },
  { name: 'deeply nested emphasis', markdown: `${'**_'.repeat(500)}x${'_**'.repeat(500)}` },
];
