import {
  BODY_MAX,
  plainText,
  renderMarkdown,
  RICH_MAX_DEPTH,
  RICH_MAX_NODES,
  safeUrl,
  sanitizeNodes,
  type RichNode,
} from '../../../core/briefings/rich-text';
import { XSS_PAYLOADS } from '../../support/xss-payloads';

// The whitelist as the brief states it, kept here independently of the module under test.
const ELEMENTS = new Set([
  'p',
  'h3',
  'h4',
  'strong',
  'em',
  's',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'hr',
  'br',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ATTRS: Record<string, string[]> = { a: ['href'], img: ['src', 'alt'], ol: ['start'] };
const BAD_SCHEME = /^\s*(javascript|vbscript|data):/i;
// eslint-disable-next-line no-control-regex
const CONTROL_AND_SPACE = /[\u0000-\u001F\u007F-\u009F\s\u200B-\u200D\u2060\uFEFF]/g;

/** Every problem with a node tree, as readable strings (an empty list means it is safe to render). */
function problems(nodes: unknown, path = 'nodes', depth = 1): string[] {
  if (!Array.isArray(nodes)) return [`${path} is not an array`];
  const found: string[] = [];
  nodes.forEach((node: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      found.push(`${at} is not an object`);
      return;
    }
    const keys = Object.keys(node);
    const record = node as Record<string, unknown>;
    if (record.type === 'text') {
      if (keys.sort().join() !== 'text,type') found.push(`${at} text node has keys ${keys.join()}`);
      if (typeof record.text !== 'string') found.push(`${at} text is not a string`);
      return;
    }
    const name = record.name;
    if (typeof name !== 'string' || !ELEMENTS.has(name)) found.push(`${at} element ${String(name)}`);
    if (depth > RICH_MAX_DEPTH) found.push(`${at} element deeper than ${RICH_MAX_DEPTH}`);
    for (const key of keys) {
      if (!['name', 'attrs', 'children'].includes(key)) found.push(`${at} key ${key}`);
    }
    const attrs = (record.attrs ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(attrs)) {
      const allowed = key === 'class' || (ATTRS[String(name)] ?? []).includes(key);
      if (!allowed) found.push(`${at} ${String(name)}.${key}`);
      if (typeof value !== 'string') found.push(`${at} ${String(name)}.${key} is not a string`);
      else if (BAD_SCHEME.test(value.replace(CONTROL_AND_SPACE, ''))) found.push(`${at} ${key}=${value}`);
      if (key === 'class' && !/^md-[a-z0-9-]+( md-(left|center|right))?$/.test(String(value))) {
        found.push(`${at} class=${String(value)}`);
      }
    }
    if (name === 'a' && !/^(https?:\/\/|tel:)/.test(String(attrs.href)))
      found.push(`${at} href=${attrs.href}`);
    if (name === 'img' && !/^(https:\/\/|cloud:\/\/)/.test(String(attrs.src)))
      found.push(`${at} src=${attrs.src}`);
    if (name === 'ol' && attrs.start !== undefined && !/^[0-9]+$/.test(String(attrs.start))) {
      found.push(`${at} start=${attrs.start}`);
    }
    if (record.children !== undefined) found.push(...problems(record.children, `${at}.children`, depth + 1));
  });
  return found;
}

function count(nodes: RichNode[]): number {
  return nodes.reduce((n, node) => n + 1 + ('type' in node ? 0 : count(node.children ?? [])), 0);
}

function depthOf(nodes: RichNode[]): number {
  return nodes.reduce((d, node) => Math.max(d, 'type' in node ? 0 : 1 + depthOf(node.children ?? [])), 0);
}

const text = (value: string): RichNode => ({ type: 'text', text: value });
const el = (name: string, attrs: Record<string, string>, children?: RichNode[]): RichNode =>
  children ? { name, attrs, children } : { name, attrs };
const p = (...children: RichNode[]): RichNode => el('p', { class: 'md-p' }, children);

describe('renderMarkdown: ordinary Markdown', () => {
  it('maps # and ## to h3 (the page has its own title)', () => {
    expect(renderMarkdown('# 一级\n\n## 二级')).toEqual([
      el('h3', { class: 'md-h3' }, [text('一级')]),
      el('h3', { class: 'md-h3' }, [text('二级')]),
    ]);
  });

  it('maps ### and deeper to h4', () => {
    expect(renderMarkdown('### 三级\n\n###### 六级')).toEqual([
      el('h4', { class: 'md-h4' }, [text('三级')]),
      el('h4', { class: 'md-h4' }, [text('六级')]),
    ]);
  });

  it('renders paragraphs', () => {
    expect(renderMarkdown('第一段。\n\n第二段。')).toEqual([p(text('第一段。')), p(text('第二段。'))]);
  });

  it('renders bold, italic and strikethrough', () => {
    expect(renderMarkdown('**加粗** *斜体* ~~作废~~')).toEqual([
      p(
        el('strong', { class: 'md-strong' }, [text('加粗')]),
        text(' '),
        el('em', { class: 'md-em' }, [text('斜体')]),
        text(' '),
        el('s', { class: 'md-s' }, [text('作废')]),
      ),
    ]);
  });

  it('renders a bullet list (tight items have no paragraph)', () => {
    expect(renderMarkdown('- 身份证\n- 户口本')).toEqual([
      el('ul', { class: 'md-ul' }, [
        el('li', { class: 'md-li' }, [text('身份证')]),
        el('li', { class: 'md-li' }, [text('户口本')]),
      ]),
    ]);
  });

  it('renders a loose list item with its paragraphs', () => {
    expect(renderMarkdown('- 第一项\n\n  补充说明')).toEqual([
      el('ul', { class: 'md-ul' }, [el('li', { class: 'md-li' }, [p(text('第一项')), p(text('补充说明'))])]),
    ]);
  });

  it('renders an ordered list with its start number', () => {
    expect(renderMarkdown('3. 报名\n4. 审核')).toEqual([
      el('ol', { class: 'md-ol', start: '3' }, [
        el('li', { class: 'md-li' }, [text('报名')]),
        el('li', { class: 'md-li' }, [text('审核')]),
      ]),
    ]);
  });

  it('gives an ordered list starting at 1 no start attribute', () => {
    expect(renderMarkdown('1. 报名')).toEqual([
      el('ol', { class: 'md-ol' }, [el('li', { class: 'md-li' }, [text('报名')])]),
    ]);
  });

  it('renders an https link without its title', () => {
    expect(renderMarkdown('[政策原文](https://www.gov.cn/zhengce/a.html "标题")')).toEqual([
      p(el('a', { class: 'md-a', href: 'https://www.gov.cn/zhengce/a.html' }, [text('政策原文')])),
    ]);
  });

  it('renders http and tel links', () => {
    expect(renderMarkdown('[网站](http://example.cn/) [电话](tel:+86-571-12345678)')).toEqual([
      p(
        el('a', { class: 'md-a', href: 'http://example.cn/' }, [text('网站')]),
        text(' '),
        el('a', { class: 'md-a', href: 'tel:+86-571-12345678' }, [text('电话')]),
      ),
    ]);
  });

  it('renders an https autolink', () => {
    expect(renderMarkdown('<https://www.gov.cn>')).toEqual([
      p(el('a', { class: 'md-a', href: 'https://www.gov.cn' }, [text('https://www.gov.cn')])),
    ]);
  });

  it('percent-encodes and punycodes link URLs (markdown-it normalizeLink)', () => {
    expect(renderMarkdown('[x](<https://例子.中国/路 径>)')).toEqual([
      p(
        el('a', { class: 'md-a', href: 'https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%20%E5%BE%84' }, [text('x')]),
      ),
    ]);
  });

  it('renders an image with a cloud:// file ID and its alt', () => {
    const src = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/briefings/notice.png';
    expect(renderMarkdown(`![会议通知](${src} "标题")`)).toEqual([
      p(el('img', { class: 'md-img', src, alt: '会议通知' })),
    ]);
  });

  it('renders an https image without alt', () => {
    expect(renderMarkdown('![](https://img.example.cn/a.jpg)')).toEqual([
      p(el('img', { class: 'md-img', src: 'https://img.example.cn/a.jpg' })),
    ]);
  });

  it('renders a fenced code block as pre > code without its language', () => {
    expect(renderMarkdown('```js\nconst a = 1;\nconst b = 2;\n```')).toEqual([
      el('pre', { class: 'md-pre' }, [
        el('code', { class: 'md-code-block' }, [text('const a = 1;\nconst b = 2;')]),
      ]),
    ]);
  });

  it('renders an indented code block', () => {
    expect(renderMarkdown('    缩进代码')).toEqual([
      el('pre', { class: 'md-pre' }, [el('code', { class: 'md-code-block' }, [text('缩进代码')])]),
    ]);
  });

  it('renders inline code', () => {
    expect(renderMarkdown('输入 `12345` 即可')).toEqual([
      p(text('输入 '), el('code', { class: 'md-code' }, [text('12345')]), text(' 即可')),
    ]);
  });

  it('renders a blockquote', () => {
    expect(renderMarkdown('> 引自文件')).toEqual([
      el('blockquote', { class: 'md-blockquote' }, [p(text('引自文件'))]),
    ]);
  });

  it('renders a table with column alignment as classes', () => {
    expect(renderMarkdown('| 项目 | 金额 |\n| :-: | --: |\n| 补贴 | 100 |')).toEqual([
      el('table', { class: 'md-table' }, [
        el('thead', { class: 'md-thead' }, [
          el('tr', { class: 'md-tr' }, [
            el('th', { class: 'md-th md-center' }, [text('项目')]),
            el('th', { class: 'md-th md-right' }, [text('金额')]),
          ]),
        ]),
        el('tbody', { class: 'md-tbody' }, [
          el('tr', { class: 'md-tr' }, [
            el('td', { class: 'md-td md-center' }, [text('补贴')]),
            el('td', { class: 'md-td md-right' }, [text('100')]),
          ]),
        ]),
      ]),
    ]);
  });

  it('renders a thematic break', () => {
    expect(renderMarkdown('上\n\n---\n\n下')).toEqual([
      p(text('上')),
      el('hr', { class: 'md-hr' }),
      p(text('下')),
    ]);
  });

  it('renders hard breaks (two spaces, backslash)', () => {
    expect(renderMarkdown('甲  \n乙\\\n丙')).toEqual([
      p(text('甲'), el('br', { class: 'md-br' }), text('乙'), el('br', { class: 'md-br' }), text('丙')),
    ]);
  });

  it('renders a single line break as a break (officials type line by line)', () => {
    expect(renderMarkdown('各位村民：\n明天开会。')).toEqual([
      p(text('各位村民：'), el('br', { class: 'md-br' }), text('明天开会。')),
    ]);
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<b>粗</b>')).toEqual([p(text('<b>粗</b>'))]);
  });

  it('decodes entities and shows an entity-looking result literally in both builds', () => {
    expect(renderMarkdown('AT&amp;T &amp;lt;')).toEqual([p(text('AT&T &\u2060lt;'))]);
  });

  it('renders an empty body as no nodes', () => {
    expect(renderMarkdown('')).toEqual([]);
    expect(renderMarkdown('   \n\n  ')).toEqual([]);
  });

  it('ignores input beyond BODY_MAX', () => {
    const nodes = renderMarkdown('字'.repeat(BODY_MAX + 100));
    expect(nodes).toEqual([p(text('字'.repeat(BODY_MAX)))]);
  });
});

describe('renderMarkdown: rejected links and images', () => {
  it('keeps the text of a rejected link', () => {
    expect(renderMarkdown('[点我](javascript:alert(1))')).toEqual([p(text('点我'))]);
  });

  it('keeps the formatting inside a rejected link', () => {
    expect(renderMarkdown('[**点我**](javascript:alert(1))')).toEqual([
      p(el('strong', { class: 'md-strong' }, [text('点我')])),
    ]);
  });

  it('turns a rejected image into its alt text', () => {
    expect(renderMarkdown('前![示意图](javascript:alert(1))后')).toEqual([p(text('前示意图后'))]);
  });

  it('rejects a plain http image', () => {
    expect(renderMarkdown('![图](http://img.example.cn/a.png)')).toEqual([p(text('图'))]);
  });

  it('shows a rejected autolink as its text', () => {
    expect(renderMarkdown('<javascript:alert(1)>')).toEqual([p(text('javascript:alert(1)'))]);
  });

  it('drops link titles', () => {
    const [para] = renderMarkdown('[a](https://x.example "onmouseover=alert(1)")');
    expect(para).toEqual(p(el('a', { class: 'md-a', href: 'https://x.example' }, [text('a')])));
  });
});

describe('renderMarkdown: hostile payloads', () => {
  it('has at least 35 payloads, each with a distinct name', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(35);
    expect(new Set(XSS_PAYLOADS.map((x) => x.name)).size).toBe(XSS_PAYLOADS.length);
  });

  describe.each(XSS_PAYLOADS)('$name', ({ markdown }) => {
    const nodes = renderMarkdown(markdown);

    it('gives only whitelisted elements, attributes and URLs', () => {
      expect(problems(nodes)).toEqual([]);
    });

    it('is already what sanitizeNodes keeps', () => {
      expect(sanitizeNodes(nodes)).toStrictEqual(nodes);
    });

    it('survives JSON storage unchanged', () => {
      expect(JSON.parse(JSON.stringify(nodes))).toStrictEqual(nodes);
    });

    it('stays within the node and depth caps', () => {
      expect(count(nodes)).toBeLessThanOrEqual(RICH_MAX_NODES);
      expect(depthOf(nodes)).toBeLessThanOrEqual(RICH_MAX_DEPTH);
    });
  });

  it('never links to anything but http(s) in the javascript: payloads', () => {
    for (const { markdown } of XSS_PAYLOADS.filter((x) => /javascript/i.test(x.markdown))) {
      const json = JSON.stringify(renderMarkdown(markdown));
      expect(json).not.toMatch(/"(href|src)":"(?!https?:\/\/|tel:|cloud:\/\/)/);
    }
  });

  it('renders the longest payloads quickly', () => {
    const started = Date.now();
    for (const { markdown } of XSS_PAYLOADS) renderMarkdown(markdown);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://www.gov.cn/a?b=1&c=2#d', 'https://www.gov.cn/a?b=1&c=2#d'],
    ['http://example.cn', 'http://example.cn'],
    ['HTTPS://Example.CN/A', 'https://Example.CN/A'],
    ['https://example.cn:8443/x', 'https://example.cn:8443/x'],
    ['tel:12345', 'tel:12345'],
    ['tel:+86-571-12345678', 'tel:+86-571-12345678'],
  ])('allows the link %s', (url, kept) => {
    expect(safeUrl('link', url)).toBe(kept);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '%6A%61vascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,alert(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path',
    'relative.html',
    'https:evil.example',
    'https:///evil.example',
    'https://gov.cn@evil.example',
    'https://evil.example:99999/',
    'https://例子.中国/',
    'https://a.example/a b',
    'https://a.example/"onclick=x',
    'https://a.example/%zz',
    'mailto:a@b.cn',
    'tel:javascript:alert(1)',
    'tel:12',
    'cloud://env/a.png',
    '',
    `https://a.example/${'a'.repeat(3000)}`,
  ])('rejects the link %j', (url) => {
    expect(safeUrl('link', url)).toBeNull();
  });

  it.each([
    ['https://img.example.cn/a.png', 'https://img.example.cn/a.png'],
    [
      'cloud://prod-1a2b.7072-prod-1a2b-1300000000/a/b.png',
      'cloud://prod-1a2b.7072-prod-1a2b-1300000000/a/b.png',
    ],
  ])('allows the image %s', (url, kept) => {
    expect(safeUrl('image', url)).toBe(kept);
  });

  it.each([
    'http://img.example.cn/a.png',
    'data:image/png;base64,iVBORw0KGgo=',
    'javascript:alert(1)',
    'cloud://',
    'cloud://env',
    'cloud://env/',
    'cloud:///a.png',
    'tel:12345',
    '//img.example.cn/a.png',
  ])('rejects the image %j', (url) => {
    expect(safeUrl('image', url)).toBeNull();
  });

  it('returns what it is given back unchanged when it checks it again', () => {
    const url = safeUrl('link', 'HTTPS://example.cn/x')!;
    expect(safeUrl('link', url)).toBe(url);
  });

  it('rejects a value that is not a string', () => {
    expect(safeUrl('link', 42 as unknown as string)).toBeNull();
  });
});

describe('sanitizeNodes', () => {
  it('drops a script element and its content', () => {
    expect(sanitizeNodes([{ name: 'script', children: [text('alert(1)')] }])).toEqual([]);
  });

  it('drops script-like elements whatever their case or stray characters', () => {
    const nodes = ['SCRIPT', 'Style', 'iframe', 'svg', 'object', 'embed', 'scr\u0000ipt', ' script'].map(
      (name) => ({
        name,
        children: [text('x')],
      }),
    );
    expect(sanitizeNodes(nodes)).toEqual([]);
  });

  it('unwraps a javascript link to its text and drops its handler', () => {
    expect(
      sanitizeNodes([{ name: 'a', attrs: { href: 'javascript:x', onclick: 'x' }, children: [text('点我')] }]),
    ).toEqual([text('点我')]);
  });

  it('drops an image with a bad src and no alt', () => {
    expect(sanitizeNodes([{ name: 'img', attrs: { src: 'x', onerror: 'y' } }])).toEqual([]);
  });

  it('turns an image with a bad src into its alt', () => {
    expect(sanitizeNodes([{ name: 'img', attrs: { src: 'data:image/png;base64,AA', alt: '图' } }])).toEqual([
      text('图'),
    ]);
  });

  it('keeps only whitelisted attributes and replaces a foreign class', () => {
    expect(
      sanitizeNodes([
        {
          name: 'img',
          attrs: { src: 'https://a.cn/x.png', alt: 'x', class: 'evil', style: 'x', id: 'y', onload: 'z' },
        },
      ]),
    ).toEqual([el('img', { class: 'md-img', src: 'https://a.cn/x.png', alt: 'x' })]);
  });

  it('keeps a whitelisted alignment class', () => {
    expect(sanitizeNodes([{ name: 'td', attrs: { class: 'md-td md-right' } }])).toEqual([
      el('td', { class: 'md-td md-right' }),
    ]);
  });

  it('lower-cases whitelisted element names', () => {
    expect(sanitizeNodes([{ name: 'P', children: [text('a')] }])).toEqual([p(text('a'))]);
  });

  it('unwraps unknown elements, keeping their whitelisted children', () => {
    expect(
      sanitizeNodes([
        {
          name: 'div',
          attrs: { style: 'x' },
          children: [
            { name: 'span', children: [text('甲')] },
            { name: 'strong', children: [text('乙')] },
          ],
        },
      ]),
    ).toEqual([text('甲'), el('strong', { class: 'md-strong' }, [text('乙')])]);
  });

  it('keeps ol.start only when it is digits', () => {
    expect(
      sanitizeNodes([
        { name: 'ol', attrs: { start: '5' } },
        { name: 'ol', attrs: { start: 7 } },
        { name: 'ol', attrs: { start: '1;x' } },
        { name: 'ol', attrs: { start: '-3' } },
      ]),
    ).toEqual([
      el('ol', { class: 'md-ol', start: '5' }),
      el('ol', { class: 'md-ol', start: '7' }),
      el('ol', { class: 'md-ol' }),
      el('ol', { class: 'md-ol' }),
    ]);
  });

  it('gives void elements no children', () => {
    expect(sanitizeNodes([{ name: 'br', children: [{ name: 'script' }, text('x')] }])).toEqual([
      el('br', { class: 'md-br' }),
    ]);
  });

  it('treats a node typed text as text even with a name', () => {
    expect(sanitizeNodes([{ type: 'text', name: 'script', text: 'a' }])).toEqual([text('a')]);
  });

  it('drops text nodes whose text is not a string', () => {
    expect(sanitizeNodes([{ type: 'text', text: { toString: () => '<b>' } }, { type: 'text' }])).toEqual([]);
  });

  it('strips control characters from text', () => {
    expect(sanitizeNodes([text('a\u0000b\u0007c\nd')])).toEqual([text('abc\nd')]);
  });

  it('merges adjacent texts', () => {
    expect(sanitizeNodes([text('a'), { name: 'span', children: [text('b')] }, text('c')])).toEqual([
      text('abc'),
    ]);
  });

  it('neutralises an entity formed across adjacent texts, and keeps doing so', () => {
    const nodes = sanitizeNodes([
      text('&'),
      { name: 'span', children: [text('lt;')] },
      text(' &#60; &nbsp;'),
    ]);
    expect(nodes).toEqual([text('&\u2060lt; &\u2060#60; &\u2060nbsp;')]);
    expect(sanitizeNodes(nodes)).toStrictEqual(nodes);
  });

  it('ignores keys that pollute prototypes', () => {
    const hostile = JSON.parse(
      '[{"name":"p","__proto__":{"polluted":1},"attrs":{"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}},"class":"md-p"},"children":[{"type":"text","text":"x","__proto__":{"x":1}}]},{"name":"__proto__"},{"name":"constructor"},{"name":"toString"}]',
    );
    const nodes = sanitizeNodes(hostile);
    expect(nodes).toStrictEqual([p(text('x'))]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(nodes[0])).toBe(Object.prototype);
  });

  it('ignores inherited properties', () => {
    const inherited = Object.create({ name: 'p', attrs: { class: 'md-p' } }) as object;
    expect(sanitizeNodes([inherited])).toEqual([]);
  });

  it.each([
    ['a string', '<script>alert(1)</script>'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object', { name: 'p' }],
    ['a function', () => [{ name: 'p' }]],
  ])('gives an empty array for %s', (_label, input) => {
    expect(sanitizeNodes(input)).toEqual([]);
  });

  it('skips entries that are not nodes', () => {
    expect(sanitizeNodes(['<b>x</b>', 1, null, [text('x')], true, p(text('ok'))])).toEqual([p(text('ok'))]);
  });

  it('never throws on hostile objects', () => {
    const throwing = Object.defineProperty({}, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const cyclic: Record<string, unknown> = { name: 'div', children: [] };
    (cyclic.children as unknown[]).push(cyclic, text('x'));
    expect(sanitizeNodes([throwing, revocable.proxy, p(text('ok'))])).toEqual([p(text('ok'))]);
    expect(() => sanitizeNodes([cyclic])).not.toThrow();
    expect(problems(sanitizeNodes([cyclic]))).toEqual([]);
    const throwingList = new Proxy([p(text('a'))], {
      get() {
        throw new Error('boom');
      },
    });
    expect(sanitizeNodes(throwingList)).toEqual([]);
  });

  it(`caps element nesting at ${RICH_MAX_DEPTH}, keeping deeper content as text`, () => {
    let deep: RichNode = text('最深');
    for (let i = 0; i < 30; i++) deep = { name: 'blockquote', children: [deep] };
    const nodes = sanitizeNodes([deep]);
    expect(depthOf(nodes)).toBe(RICH_MAX_DEPTH);
    expect(problems(nodes)).toEqual([]);
    expect(JSON.stringify(nodes)).toContain('最深');
    expect(sanitizeNodes(nodes)).toStrictEqual(nodes);
  });

  it('survives nesting far beyond any limit', () => {
    let deep: unknown = text('x');
    for (let i = 0; i < 100000; i++) deep = { name: i % 2 ? 'div' : 'em', children: [deep] };
    const nodes = sanitizeNodes([deep]);
    expect(problems(nodes)).toEqual([]);
    expect(depthOf(nodes)).toBeLessThanOrEqual(RICH_MAX_DEPTH);
  });

  it(`caps the number of nodes at ${RICH_MAX_NODES}`, () => {
    const many = Array.from({ length: 10000 }, (_v, i) => p(text(String(i))));
    const nodes = sanitizeNodes(many);
    expect(count(nodes)).toBeLessThanOrEqual(RICH_MAX_NODES);
    expect(nodes[0]).toEqual(p(text('0')));
    expect(sanitizeNodes(nodes)).toStrictEqual(nodes);
  });

  it('returns a fresh tree, not the input', () => {
    const input = [p(text('x'))];
    const nodes = sanitizeNodes(input);
    expect(nodes).toEqual(input);
    expect(nodes).not.toBe(input);
    expect(nodes[0]).not.toBe(input[0]);
  });
});

describe('plainText', () => {
  it('keeps Chinese text and drops the markup', () => {
    expect(plainText('# 关于春耕补贴的通知\n\n各位村民：**本周五**前到村委会*登记*。')).toBe(
      '关于春耕补贴的通知 各位村民：本周五前到村委会登记。',
    );
  });

  it('drops link URLs but keeps link text', () => {
    expect(plainText('详见[政策原文](https://www.gov.cn/a.html)。')).toBe('详见政策原文。');
  });

  it('keeps image alt text', () => {
    expect(plainText('![报名流程图](cloud://env.x/a.png)')).toBe('报名流程图');
  });

  it('separates list items, table cells and lines', () => {
    expect(plainText('- 身份证\n- 户口本\n\n| 项目 | 金额 |\n| - | - |\n| 补贴 | 100 |\n\n甲\n乙')).toBe(
      '身份证 户口本 项目 金额 补贴 100 甲 乙',
    );
  });

  it('keeps code text', () => {
    expect(plainText('拨打 `12345`')).toBe('拨打 12345');
  });

  it('collapses whitespace', () => {
    expect(plainText('  甲  \t 乙\n\n\n丙  ')).toBe('甲 乙 丙');
  });

  it('shows raw HTML as the text a reader sees, with entities decoded', () => {
    expect(plainText('<b>粗</b> &amp; &lt;')).toBe('<b>粗</b> & <');
  });

  it('is empty for an empty body', () => {
    expect(plainText('')).toBe('');
  });
});
