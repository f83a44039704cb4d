/**
 * Stand-in for '@tarojs/components' in component tests (mapped by jest moduleNameMapper).
 * Each component renders a plain DOM element with a data-taro attribute naming it:
 * - onClick becomes a DOM click; Input's onInput gets Taro's { detail: { value } }.
 * - Any other onXxx handler (e.g. Button's onAgreePrivacyAuthorization) listens for a DOM CustomEvent
 *   named xxx in lower case: fireEvent(el, new CustomEvent('agreeprivacyauthorization', { detail }))
 * - Other props are exposed as data-* attributes (openType -> data-open-type) so tests can assert them.
 */
import { createElement, useEffect, useRef, type ReactNode } from 'react';

type Props = {
  children?: ReactNode;
  className?: string;
  id?: string;
  style?: unknown;
  [key: string]: unknown;
};

const NATIVE_ATTRS = new Set(['placeholder', 'value', 'type', 'maxlength']);

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function makeComponent(name: string, tag: string) {
  function StandIn({ children, className, id, style, onClick, onInput, ...rest }: Props) {
    const ref = useRef<HTMLElement>(null);
    // Listeners are attached once per set of handler names but always call the latest handler,
    // as Taro's event system does (a handler closes over the latest render's state).
    const latest = useRef(rest);
    latest.current = rest;
    const customHandlers = Object.entries(rest).filter(
      ([k, v]) => /^on[A-Z]/.test(k) && typeof v === 'function',
    ) as [string, (e: { detail: unknown; type: string }) => void][];
    const handlerKey = customHandlers.map(([k]) => k).join(',');

    useEffect(() => {
      const el = ref.current;
      if (!el) return;
      const listeners = customHandlers.map(([k]) => {
        const type = k.slice(2).toLowerCase();
        const listener = (e: Event) =>
          (latest.current[k] as (e: { detail: unknown; type: string }) => void)({
            type,
            detail: (e as CustomEvent).detail ?? {},
          });
        el.addEventListener(type, listener);
        return [type, listener] as const;
      });
      return () => listeners.forEach(([type, l]) => el.removeEventListener(type, l));
    }, [handlerKey]);

    const dataAttrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rest)) {
      if (/^on[A-Z]/.test(k) || v === undefined || typeof v === 'function') continue;
      // Form attributes stay real attributes, so tests can find fields by placeholder and read their value.
      if (NATIVE_ATTRS.has(k)) dataAttrs[k === 'maxlength' ? 'maxLength' : k] = String(v);
      else dataAttrs[k.startsWith('data-') ? k : `data-${kebab(k)}`] = String(v);
    }

    return createElement(
      tag,
      {
        ref,
        'data-taro': name,
        className,
        id,
        style: typeof style === 'object' ? style : undefined,
        onClick:
          typeof onClick === 'function' ? (e: unknown) => (onClick as (e: unknown) => void)(e) : undefined,
        // Controlled by onInput as in Taro; React wants onChange to accept a controlled value silently.
        onChange: tag === 'input' || tag === 'textarea' ? () => {} : undefined,
        onInput:
          typeof onInput === 'function'
            ? (e: { target: { value: string } }) =>
                (onInput as (e: unknown) => void)({ detail: { value: e.target.value } })
            : undefined,
        ...dataAttrs,
      },
      children as ReactNode,
    );
  }
  StandIn.displayName = name;
  return StandIn;
}

export const View = makeComponent('View', 'div');
export const Text = makeComponent('Text', 'span');
export const Button = makeComponent('Button', 'button');
export const Image = makeComponent('Image', 'img');
export const Input = makeComponent('Input', 'input');
export const Textarea = makeComponent('Textarea', 'textarea');
export const ScrollView = makeComponent('ScrollView', 'div');
export const Navigator = makeComponent('Navigator', 'a');
export const Form = makeComponent('Form', 'form');
export const Label = makeComponent('Label', 'label');
/** Rendered (hidden) so tests can assert e.g. data-root-font-size="system". */
export const PageMeta = makeComponent('PageMeta', 'template');
export const NavigationBar = makeComponent('NavigationBar', 'template');
export const Picker = makeComponent('Picker', 'div');
export const Switch = makeComponent('Switch', 'input');
export const Progress = makeComponent('Progress', 'div');

type StandInNode = {
  type?: string;
  text?: string;
  name?: string;
  attrs?: Record<string, string>;
  children?: StandInNode[];
};
const VOID_ELEMENTS = new Set(['br', 'hr', 'img']);

function renderNodes(nodes: StandInNode[]): ReactNode[] {
  return nodes.map((n, i) => {
    if (n.type === 'text') return n.text ?? '';
    const { class: cls, ...attrs } = n.attrs ?? {};
    const props: Record<string, unknown> = { key: i, className: cls };
    for (const [k, v] of Object.entries(attrs)) props[`data-${k}`] = v;
    const name = n.name ?? 'span';
    return createElement(name, props, VOID_ELEMENTS.has(name) ? undefined : renderNodes(n.children ?? []));
  });
}

/** RichText renders a nodes array as elements, as Taro's H5 build does (attributes as data-*); a string stays text. */
export function RichText({ nodes, className }: { nodes?: unknown; className?: string }) {
  return createElement(
    'div',
    { 'data-taro': 'RichText', className },
    Array.isArray(nodes) ? renderNodes(nodes as StandInNode[]) : String(nodes ?? ''),
  );
}
