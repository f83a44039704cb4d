/**
 * Rich-text nodes of policy briefing bodies (政策宣讲), with no Markdown parser in it: the client imports this
 * file (the mini-program bundle stays small) and core/rich-text.ts renders Markdown into these nodes.
 *
 * Policy briefing bodies (政策宣讲): Markdown typed by a village official → SAFE rich-text nodes, stored at publish
 * time by the cloud function and re-checked by the client with `sanitizeNodes` before rendering.
 *
 * How the two builds render a nodes array (read in @tarojs/components 4.2.1 with Stencil 2.22.3, and tried on
 * `taro-rich-text-core` in jsdom):
 * - H5: the app does not set h5.useHtmlComponents, so `RichText` is the Stencil element `taro-rich-text-core`
 *   (via @tarojs/components/lib/react, which hands an array over as a DOM property). Its `renderNode` turns a
 *   `{type:'text'}` node into a text vnode, i.e. `document.createTextNode`: text is inserted as TEXT, never
 *   parsed as HTML (the one rewrite is a literal `&nbsp;` → U+00A0). An element becomes `h(name, attrs,
 *   children)`: `document.createElement(name)` with EVERY attr applied — as a DOM property when the element has
 *   one (so an attr named `innerHTML` injects HTML, and `href`/`src` take any URL), else as an attribute. So
 *   only the element/attr whitelists and the URL check keep script out. And `nodes` given as a STRING instead
 *   of an array is set as the host's `innerHTML`: callers must always pass an array, which `sanitizeNodes`
 *   always returns, whatever it is given.
 * - weapp (`<rich-text nodes>`): documented as text nodes "支持 entities" (entities decoded, not parsed as tags);
 *   WeChat drops untrusted tags and attrs itself; links are not followable there.
 * So text nodes are never interpreted as HTML, but both builds decode (some) entities in them. To show what the
 * official typed literally and alike in both, `sanitizeNodes` puts an invisible U+2060 WORD JOINER after a `&`
 * that would start an entity (`&lt;`, `&#60;`, `&nbsp;`); `plainText` is unaffected.
 */

import { safeUrl } from './rich-url';

export { safeUrl };

/** A text node: shown as text (never parsed as HTML). */
export type RichTextNode = { type: 'text'; text: string };
/** An element node, as WeChat's `<rich-text nodes>` and Taro's `RichText` take it. */
export type RichElement = { name: string; attrs?: Record<string, string>; children?: RichNode[] };
export type RichNode = RichElement | RichTextNode;

/** Longest briefing body, in characters (UTF-16 code units, as `String.length` counts). */
export const BODY_MAX = 20000;
/** Deepest element nesting kept (top-level nodes are at depth 1); an element deeper is replaced by its text. */
export const RICH_MAX_DEPTH = 12;
/** Most nodes (elements and texts) kept; later ones are dropped. */
export const RICH_MAX_NODES = 5000;

/** Longest text node kept (renderMarkdown never gets near it: its input is at most BODY_MAX). */
const TEXT_MAX = 2 * BODY_MAX;
/** Untrusted input nodes looked at before `sanitizeNodes` gives up on the rest (bounds its work). */
const VISIT_MAX = 50000;
/** Deepest untrusted nesting followed at all (unknown wrappers are unwrapped, so this is > RICH_MAX_DEPTH). */
const RAW_DEPTH_MAX = 64;

/** Every element kept, with the fixed classes it may carry (the first is the default). */
export const CLASSES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['p', ['md-p']],
  ['h3', ['md-h3']],
  ['h4', ['md-h4']],
  ['strong', ['md-strong']],
  ['em', ['md-em']],
  ['s', ['md-s']],
  ['blockquote', ['md-blockquote']],
  ['ul', ['md-ul']],
  ['ol', ['md-ol']],
  ['li', ['md-li']],
  ['pre', ['md-pre']],
  ['code', ['md-code', 'md-code-block']],
  ['hr', ['md-hr']],
  ['br', ['md-br']],
  ['a', ['md-a']],
  ['img', ['md-img']],
  ['table', ['md-table']],
  ['thead', ['md-thead']],
  ['tbody', ['md-tbody']],
  ['tr', ['md-tr']],
  ['th', ['md-th', 'md-th md-left', 'md-th md-center', 'md-th md-right']],
  ['td', ['md-td', 'md-td md-left', 'md-td md-center', 'md-td md-right']],
]);

/** Elements without children. */
const VOID = new Set(['br', 'hr', 'img']);

/** Unknown elements whose content is code, metadata or an embedded document: dropped with their content. */
const DROP = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'xmp',
  'plaintext',
  'textarea',
  'select',
  'option',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'portal',
]);

// ------------------------------------------------------------------------------------------------ text

/** C0 controls but tab, newline and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** A `&` that would start a character reference such as `&lt;`, `&#60;` or `&#x3C;`. */
const ENTITY_START = /&(?=#?[A-Za-z0-9]{1,32};)/g;

/** Text as stored: controls removed, entity-looking `&` neutralised (see the file comment), length capped. */
function cleanText(text: string): string {
  return text
    .slice(0, 2 * TEXT_MAX)
    .replace(CONTROL, '')
    .replace(ENTITY_START, '&\u2060')
    .slice(0, TEXT_MAX);
}

// ------------------------------------------------------------------------------------------------ untrusted nodes

type Budget = { nodes: number; visits: number };

/** An own property of an untrusted object (inherited ones, e.g. from a polluted prototype, are ignored). */
function own(value: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text content of an untrusted node (image alt included, dropped elements excluded), within the budget. */
function textOf(value: unknown, budget: Budget, rawDepth: number): string {
  if (budget.visits <= 0 || rawDepth > RAW_DEPTH_MAX || !isObject(value)) return '';
  budget.visits--;
  if (own(value, 'type') === 'text') {
    const text = own(value, 'text');
    return typeof text === 'string' ? text : '';
  }
  const name = own(value, 'name');
  const key = typeof name === 'string' ? name.toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  if (DROP.has(key)) return '';
  let text = '';
  if (key === 'img') text += altOf(value);
  const children = own(value, 'children');
  if (Array.isArray(children)) {
    for (let i = 0; i < children.length && budget.visits > 0; i++) {
      text += textOf(children[i], budget, rawDepth + 1);
      if (text.length > BODY_MAX) break;
    }
  }
  return text;
}

function pushText(out: RichNode[], text: string, budget: Budget): void {
  const clean = cleanText(text);
  if (!clean) return;
  const last = out[out.length - 1];
  if (last && 'type' in last) {
    // Adjacent texts become one (the entity guard is re-applied across the seam).
    last.text = cleanText(last.text + clean);
    return;
  }
  if (budget.nodes <= 0) return;
  budget.nodes--;
  out.push({ type: 'text', text: clean });
}

/** Whitelisted attributes of a kept element, or null when the element itself must go (rejected URL). */
function cleanAttrs(name: string, raw: unknown): Record<string, string> | null {
  const attrs: Record<string, string> = {};
  const input = isObject(raw) ? raw : {};
  const value = (key: string): unknown => own(input, key);
  if (name === 'a') {
    const href = value('href');
    const safe = typeof href === 'string' ? safeUrl('link', href) : null;
    if (!safe) return null;
    attrs.href = safe;
  } else if (name === 'img') {
    const src = value('src');
    const safe = typeof src === 'string' ? safeUrl('image', src) : null;
    if (!safe) return null;
    attrs.src = safe;
    const alt = value('alt');
    const clean = typeof alt === 'string' ? cleanText(alt) : '';
    if (clean) attrs.alt = clean;
  } else if (name === 'ol') {
    const start = value('start');
    const digits = typeof start === 'number' && Number.isInteger(start) ? String(start) : start;
    if (typeof digits === 'string' && /^[0-9]{1,9}$/.test(digits) && Number(digits) !== 1) {
      attrs.start = String(Number(digits));
    }
  }
  const classes = CLASSES.get(name) ?? [''];
  const given = value('class');
  attrs.class = typeof given === 'string' && classes.includes(given) ? given : (classes[0] ?? '');
  return attrs;
}

function cleanNode(value: unknown, depth: number, rawDepth: number, budget: Budget, out: RichNode[]): void {
  if (!isObject(value) || rawDepth > RAW_DEPTH_MAX) return;
  if (own(value, 'type') === 'text') {
    const text = own(value, 'text');
    if (typeof text === 'string') pushText(out, text, budget);
    return;
  }
  const rawName = own(value, 'name');
  const name = typeof rawName === 'string' ? rawName.toLowerCase() : '';
  if (CLASSES.has(name)) {
    if (depth > RICH_MAX_DEPTH) {
      pushText(out, textOf(value, budget, rawDepth), budget);
      return;
    }
    const attrs = cleanAttrs(name, own(value, 'attrs'));
    if (!attrs) {
      // A link or image with a URL that is not allowed: its text (an image's alt) stays, as plain text.
      if (name === 'img') pushText(out, altOf(value), budget);
      else cleanChildren(own(value, 'children'), depth, rawDepth + 1, budget, out);
      return;
    }
    if (budget.nodes <= 0) return;
    budget.nodes--;
    const node: RichElement = { name, attrs };
    if (!VOID.has(name)) {
      const children: RichNode[] = [];
      cleanChildren(own(value, 'children'), depth + 1, rawDepth + 1, budget, children);
      if (children.length) node.children = children;
    }
    out.push(node);
    return;
  }
  const key = name.replace(/[^a-z0-9]/g, '');
  if (DROP.has(key)) return;
  // Anything else unknown (div, span, font, form, a node without a name...): unwrapped, its children kept.
  cleanChildren(own(value, 'children'), depth, rawDepth + 1, budget, out);
}

function altOf(value: object): string {
  const attrs = own(value, 'attrs');
  const alt = isObject(attrs) ? own(attrs, 'alt') : undefined;
  return typeof alt === 'string' ? alt : '';
}

function cleanChildren(
  children: unknown,
  depth: number,
  rawDepth: number,
  budget: Budget,
  out: RichNode[],
): void {
  if (!Array.isArray(children)) return;
  for (let i = 0; i < children.length; i++) {
    if (budget.visits <= 0 || budget.nodes <= 0) return;
    budget.visits--;
    try {
      cleanNode(children[i], depth, rawDepth, budget, out);
    } catch {
      // A hostile object (throwing getter, revoked proxy...): that node is dropped.
    }
  }
}

/**
 * Untrusted nodes (from storage or the network) → nodes safe to render in both builds. Keeps only whitelisted
 * elements with whitelisted attributes (`a.href`, `img.src`, `img.alt`, `ol.start`) and fixed `md-*` classes;
 * a link or image with a URL `safeUrl` rejects becomes its text; other unknown elements are unwrapped (their
 * children kept), and script-like ones (`script`, `style`, `iframe`, `svg`...) dropped with their content.
 * Element nesting is capped at RICH_MAX_DEPTH (deeper content becomes text) and the node count at
 * RICH_MAX_NODES. Always returns a fresh array (never a string: see the file comment) and never throws.
 * `sanitizeNodes(sanitizeNodes(x))` deep-equals `sanitizeNodes(x)`.
 */
export function sanitizeNodes(nodes: unknown): RichNode[] {
  const out: RichNode[] = [];
  try {
    cleanChildren(nodes, 1, 0, { nodes: RICH_MAX_NODES, visits: VISIT_MAX }, out);
  } catch {
    return [];
  }
  return out;
}
