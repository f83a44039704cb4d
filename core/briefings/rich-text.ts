import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import {
  CLASSES,
  CONTROL,
  BODY_MAX,
  safeUrl,
  sanitizeNodes,
  type RichElement,
  type RichNode,
} from './rich-nodes';

/**
 * Markdown → safe rich-text nodes (core/rich-nodes.ts), run in the cloud function when a briefing is published
 * or edited; the client only re-checks the stored nodes with `sanitizeNodes`.
 */

export {
  BODY_MAX,
  RICH_MAX_DEPTH,
  RICH_MAX_NODES,
  safeUrl,
  sanitizeNodes,
  type RichNode,
} from './rich-nodes';

// ------------------------------------------------------------------------------------------------ Markdown

let parser: MarkdownIt | undefined;

/**
 * The one markdown-it instance: raw HTML is shown as text, no linkify, no typographer. A single line break
 * is a line break (`breaks`): officials type notices line by line in a text box, not as Markdown paragraphs.
 * Every link is let through markdown-it's own check (`validateLink`) so that `safeUrl` decides alone, and a
 * rejected link keeps its text rather than showing its Markdown source.
 */
function markdown(): MarkdownIt {
  if (!parser) {
    parser = markdownIt({ html: false, linkify: false, typographer: false, breaks: true });
    parser.validateLink = () => true;
  }
  return parser;
}

function element(name: string, attrs: Record<string, string> = {}): RichElement {
  const classes = CLASSES.get(name);
  return { name, attrs: { ...attrs, class: attrs.class ?? classes?.[0] ?? '' }, children: [] };
}

function appendText(children: RichNode[], text: string): void {
  if (!text) return;
  const last = children[children.length - 1];
  if (last && 'type' in last) last.text += text;
  else children.push({ type: 'text', text });
}

/** A token attribute as a string ('' when absent). */
function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? '' : String(value);
}

function alignClass(name: 'th' | 'td', token: Token): string {
  const align = /text-align:\s*(left|center|right)/.exec(attr(token, 'style'));
  return align ? `md-${name} md-${align[1]}` : `md-${name}`;
}

/** Plain text of inline tokens (an image's alt). */
function inlineText(tokens: Token[] | null): string {
  let text = '';
  for (const token of tokens ?? []) {
    if (token.type === 'image') text += inlineText(token.children);
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' ';
    else text += token.content;
  }
  return text;
}

/** Builds nodes from markdown-it's token stream (block tokens and their inline children). */
function build(tokens: Token[]): RichNode[] {
  const root: RichNode[] = [];
  // Where children go; a transparent frame (hidden paragraph, rejected link) shares its parent's list.
  const stack: RichNode[][] = [root];
  const top = (): RichNode[] => stack[stack.length - 1] ?? root;
  const open = (node: RichElement): void => {
    top().push(node);
    stack.push((node.children ??= []));
  };
  const openTransparent = (): void => {
    stack.push(top());
  };
  const close = (): void => {
    if (stack.length > 1) stack.pop();
  };

  const walk = (list: Token[]): void => {
    for (const token of list) {
      switch (token.type) {
        case 'paragraph_open':
          if (token.hidden) openTransparent();
          else open(element('p'));
          break;
        case 'heading_open':
          open(element(token.tag === 'h1' || token.tag === 'h2' ? 'h3' : 'h4'));
          break;
        case 'blockquote_open':
          open(element('blockquote'));
          break;
        case 'bullet_list_open':
          open(element('ul'));
          break;
        case 'ordered_list_open': {
          const start = attr(token, 'start') || '1';
          open(element('ol', /^[0-9]{1,9}$/.test(start) && Number(start) !== 1 ? { start } : {}));
          break;
        }
        case 'list_item_open':
          open(element('li'));
          break;
        case 'table_open':
        case 'thead_open':
        case 'tbody_open':
        case 'tr_open':
          open(element(token.tag));
          break;
        case 'th_open':
        case 'td_open': {
          const name = token.type === 'th_open' ? 'th' : 'td';
          open(element(name, { class: alignClass(name, token) }));
          break;
        }
        case 'strong_open':
        case 'em_open':
        case 's_open':
          open(element(token.tag));
          break;
        case 'link_open': {
          const href = safeUrl('link', attr(token, 'href'));
          if (href) open(element('a', { href }));
          else openTransparent();
          break;
        }
        case 'paragraph_close':
        case 'heading_close':
        case 'blockquote_close':
        case 'bullet_list_close':
        case 'ordered_list_close':
        case 'list_item_close':
        case 'table_close':
        case 'thead_close':
        case 'tbody_close':
        case 'tr_close':
        case 'th_close':
        case 'td_close':
        case 'strong_close':
        case 'em_close':
        case 's_close':
        case 'link_close':
          close();
          break;
        case 'hr':
          top().push(element('hr'));
          break;
        case 'hardbreak':
        case 'softbreak':
          top().push(element('br'));
          break;
        case 'code_block':
        case 'fence': {
          const code = element('code', { class: 'md-code-block' });
          appendText(code.children!, token.content.replace(/\n$/, ''));
          const pre = element('pre');
          pre.children!.push(code);
          top().push(pre);
          break;
        }
        case 'code_inline': {
          const code = element('code');
          appendText(code.children!, token.content);
          top().push(code);
          break;
        }
        case 'image': {
          const alt = inlineText(token.children);
          const src = safeUrl('image', attr(token, 'src'));
          if (src) top().push(element('img', alt ? { src, alt } : { src }));
          else appendText(top(), alt);
          break;
        }
        case 'inline':
          walk(token.children ?? []);
          break;
        default:
          // text, text_special, html_inline / html_block (never produced with html: false, shown as text anyway)
          appendText(top(), token.content);
      }
    }
  };
  walk(tokens);
  return root;
}

function parse(md: string): RichNode[] {
  const source = typeof md === 'string' ? md.slice(0, BODY_MAX) : '';
  return build(markdown().parse(source, {}));
}

/**
 * The rich-text nodes of a briefing body, ready to store and to hand to `<rich-text nodes>` / `RichText`.
 * Only whitelisted elements, fixed `md-*` classes and checked URLs come out (the result is passed through
 * `sanitizeNodes`, so it is already what the client's re-check keeps). Input beyond BODY_MAX is ignored.
 */
export function renderMarkdown(md: string): RichNode[] {
  return sanitizeNodes(parse(md));
}

/** Elements whose text is set apart from its neighbours' in `plainText`. */
const BLOCKS = new Set('p h3 h4 blockquote ul ol li pre hr br table tr th td'.split(' '));

/**
 * The readable text of a briefing body, for full-text search and text-to-speech: no markup, link URLs dropped,
 * image alt text kept, blocks and line breaks separated by a space, whitespace collapsed.
 */
export function plainText(md: string): string {
  const parts: string[] = [];
  const walk = (nodes: RichNode[]): void => {
    for (const node of nodes) {
      if ('type' in node) {
        parts.push(node.text);
        continue;
      }
      const block = BLOCKS.has(node.name);
      if (block) parts.push(' ');
      if (node.name === 'img') parts.push(node.attrs?.alt ?? '');
      walk(node.children ?? []);
      if (block) parts.push(' ');
    }
  };
  walk(parse(md));
  return parts.join('').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}
