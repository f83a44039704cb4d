/**
 * Every tappable view has an accessible name, so that WeChat's screen reader (读屏) says what a tap does.
 * Scans the JSX of src/**\/*.tsx with the TypeScript compiler. The rule, for every element of
 * @tarojs/components with an `onClick` or `onTap` handler:
 * - it needs `ariaLabel`, except a `Button` or `Text` whose children are text (a literal, or an expression
 *   that renders as text such as `{LINK_LABELS[kind]}`): the reader reads that text, as it would a label;
 * - anything but a `Button` also needs `ariaRole` (`"button"` for a View acting as a button), since a tappable
 *   View or Text is not announced as something one can tap.
 * Our own components (EntryCard, Choice…) are not checked where they are used but inside, where the Taro
 * element is: a name passed down as a prop (`ariaLabel={label}`) counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');
const HANDLERS = new Set(['onClick', 'onTap']);
const TEXT_NAMED = new Set(['Button', 'Text']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** The local names this file imports from @tarojs/components (`View`, or `View as Box`'s `Box` → View). */
function taroElements(file: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    if ((statement.moduleSpecifier as ts.StringLiteral).text !== '@tarojs/components') continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) names.set(el.name.text, (el.propertyName ?? el.name).text);
    }
  }
  return names;
}

function attribute(attributes: ts.JsxAttributes, name: string): ts.JsxAttribute | undefined {
  return attributes.properties.find(
    (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === name,
  );
}

/** A non-empty string literal, or any expression (a name computed or passed down). */
function given(attr: ts.JsxAttribute | undefined): boolean {
  if (!attr?.initializer) return false;
  if (ts.isStringLiteral(attr.initializer)) return attr.initializer.text.trim() !== '';
  const expression = ts.isJsxExpression(attr.initializer) ? attr.initializer.expression : undefined;
  if (!expression) return false;
  return !(ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
    ? true
    : expression.text.trim() !== '';
}

/** Children that read as text: some literal text, or expressions — but no nested elements only. */
function hasTextChildren(element: ts.JsxElement): boolean {
  return element.children.some(
    (child) =>
      (ts.isJsxText(child) && child.text.trim() !== '') || (ts.isJsxExpression(child) && !!child.expression),
  );
}

export interface Unnamed {
  where: string;
  element: string;
  missing: string[];
}

/** Every tappable Taro element of one source text lacking a name or a role. */
export function unnamedTappables(fileName: string, text: string): Unnamed[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const taro = taroElements(file);
  const found: Unnamed[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const kind = taro.get(node.tagName.getText());
      const tappable = node.attributes.properties.some(
        (p) => ts.isJsxAttribute(p) && HANDLERS.has(p.name.getText()),
      );
      if (kind && tappable) {
        const missing: string[] = [];
        const textNamed =
          TEXT_NAMED.has(kind) &&
          ts.isJsxOpeningElement(node) &&
          hasTextChildren(node.parent as ts.JsxElement);
        if (!textNamed && !given(attribute(node.attributes, 'ariaLabel'))) missing.push('ariaLabel');
        if (kind !== 'Button' && !given(attribute(node.attributes, 'ariaRole'))) missing.push('ariaRole');
        if (missing.length > 0) {
          const { line } = file.getLineAndCharacterOfPosition(node.getStart());
          found.push({ where: `${path.relative(SRC, fileName)}:${line + 1}`, element: kind, missing });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('the rule itself: what counts as named', () => {
  const source = `
    import { Button, Text, View as Box } from '@tarojs/components';
    import Choice from './Choice';
    export const A = () => (
      <>
        <Button onClick={go}>提交</Button>
        <Button onClick={go}>{label}</Button>
        <Button onClick={go}><Icon /></Button>
        <Text onClick={go} ariaRole="button">全部</Text>
        <Text onClick={go}>全部</Text>
        <Box onClick={go} />
        <Box onTap={go} ariaLabel="" ariaRole="button" />
        <Box onClick={go} ariaLabel={name} ariaRole="button"><Text>x</Text></Box>
        <Choice onClick={go} />
        <Box className="plain" />
      </>
    );`;
  expect(unnamedTappables(path.join(SRC, 'a.tsx'), source).map((u) => [u.where, u.missing])).toEqual([
    ['a.tsx:8', ['ariaLabel']],
    ['a.tsx:10', ['ariaRole']],
    ['a.tsx:11', ['ariaLabel', 'ariaRole']],
    ['a.tsx:12', ['ariaLabel']],
  ]);
});

test('every tappable view in src/ has an accessible name', () => {
  const files = tsxFiles(SRC);
  expect(files.length).toBeGreaterThan(20);
  const unnamed = files.flatMap((f) => unnamedTappables(f, readFileSync(f, 'utf8')));
  expect(unnamed.map((u) => `${u.where} <${u.element}> lacks ${u.missing.join(' and ')}`)).toEqual([]);
});

test('the build (config/aria.ts) and the runtime (src/utils/aria.ts) add the same aria attributes', async () => {
  const build = await import('../../config/aria');
  const runtime = await import('../../src/utils/aria');
  expect(runtime.ARIA_COMPONENTS).toEqual(build.ARIA_COMPONENTS);
  expect(Object.keys(build.ARIA_ATTRIBUTES)).toEqual(['aria-label', 'aria-role']);
});
