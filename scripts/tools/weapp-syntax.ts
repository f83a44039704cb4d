/**
 * The syntax check of the built mini-program (test/weapp/syntax.test.ts): every `.js` file of the weapp build must
 * be ES5, what the oldest WeChat clients still in use run. project.config.json has `es6: false` (DevTools does not
 * transpile on upload, as in Taro's templates), so the build itself must produce ES5: package.json `browserslist`
 * (production: Taro's template list, Android >= 4.1, iOS >= 8) drives babel-preset-taro's preset-env over src/,
 * core/ and the libraries in config/index.ts `mini.compile.include`.
 *
 * A file that acorn cannot parse as ES5 is parsed again at the latest level, and every construct newer than ES5
 * is named with its line (`?.`, `??`, class fields, classes, arrows, let/const, template literals, …).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type Node } from 'acorn';

export interface LaterSyntax {
  /** The file relative to the build folder (or the name given to laterSyntax). */
  file: string;
  line: number;
  construct: string;
}

/** Node types that ES5 has not, by the name a report shows. */
const NODE_NAMES: Record<string, string> = {
  ChainExpression: 'optional chaining ?.',
  PropertyDefinition: 'class field',
  StaticBlock: 'class static block',
  PrivateIdentifier: 'private #name',
  ClassDeclaration: 'class',
  ClassExpression: 'class',
  ArrowFunctionExpression: 'arrow function',
  TemplateLiteral: 'template literal',
  TaggedTemplateExpression: 'tagged template',
  SpreadElement: 'spread ...',
  RestElement: 'rest ...',
  ObjectPattern: 'destructuring',
  ArrayPattern: 'destructuring',
  AssignmentPattern: 'default value',
  ForOfStatement: 'for…of',
  AwaitExpression: 'await',
  YieldExpression: 'yield',
  MetaProperty: 'new.target / import.meta',
  ImportExpression: 'import()',
  ImportDeclaration: 'import',
  ExportNamedDeclaration: 'export',
  ExportDefaultDeclaration: 'export',
  ExportAllDeclaration: 'export',
};

function constructOf(node: Node & Record<string, unknown>): string | null {
  const named = NODE_NAMES[node.type];
  if (named) return named;
  switch (node.type) {
    case 'LogicalExpression':
      return node.operator === '??' ? 'nullish coalescing ??' : null;
    case 'AssignmentExpression':
      return ['??=', '||=', '&&=', '**='].includes(node.operator as string)
        ? `${String(node.operator)}`
        : null;
    case 'BinaryExpression':
      return node.operator === '**' ? 'exponent **' : null;
    case 'VariableDeclaration':
      return node.kind === 'var' ? null : String(node.kind);
    case 'FunctionDeclaration':
    case 'FunctionExpression':
      return node.async ? 'async function' : node.generator ? 'generator' : null;
    case 'Property':
      if (node.shorthand) return 'shorthand property';
      if (node.computed) return 'computed property';
      return node.method ? 'method shorthand' : null;
    case 'CatchClause':
      return node.param === null ? 'optional catch binding' : null;
    case 'Literal':
      if ('bigint' in node) return 'BigInt';
      if ((node.regex as { flags?: string } | undefined)?.flags?.match(/[uysdv]/)) return 'regex flag';
      return /^0[bBoO]/.test(String(node.raw)) || String(node.raw).includes('_') ? 'numeric literal' : null;
    default:
      return null;
  }
}

function walk(value: unknown, visit: (node: Node & Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Node & Record<string, unknown>;
  if (typeof node.type === 'string') visit(node);
  for (const [key, child] of Object.entries(node)) {
    if (key !== 'loc' && child && typeof child === 'object') walk(child, visit);
  }
}

/** Every construct newer than ES5 in a script, by line (empty when it is ES5). */
export function laterSyntax(source: string, file = '<source>'): LaterSyntax[] {
  try {
    parse(source, { ecmaVersion: 5, sourceType: 'script' });
    return [];
  } catch {
    // Not ES5: find out what it uses.
  }
  let ast: Node;
  try {
    ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (e) {
    const loc = (e as { loc?: { line: number } }).loc;
    return [{ file, line: loc?.line ?? 0, construct: `not JavaScript: ${(e as Error).message}` }];
  }
  const found: LaterSyntax[] = [];
  const seen = new Set<string>();
  walk(ast, (node) => {
    const construct = constructOf(node);
    const line = node.loc?.start.line ?? 0;
    if (!construct || seen.has(`${line} ${construct}`)) return;
    seen.add(`${line} ${construct}`);
    found.push({ file, line, construct });
  });
  // ES5 refused it for a reason none of the above names (e.g. a reserved word): say so rather than pass.
  return found.length ? found : [{ file, line: 0, construct: 'not ES5 (acorn refused it)' }];
}

function jsFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return jsFiles(full, base);
      return name.endsWith('.js') ? [path.relative(base, full).split(path.sep).join('/')] : [];
    });
}

/** The `.js` files of a weapp build and what each uses beyond ES5. Throws when the folder is no weapp build. */
export function weappSyntax(dist: string): { files: string[]; later: LaterSyntax[] } {
  const files = jsFiles(dist);
  if (!files.includes('app.js'))
    throw new Error(`${dist} holds no app.js: run \`npm run build:weapp\` first`);
  return {
    files,
    later: files.flatMap((f) => laterSyntax(readFileSync(path.join(dist, f), 'utf8'), f)),
  };
}

/** `file:line construct` lines, at most `limit` (and how many more). */
export function formatLater(later: LaterSyntax[], limit = 40): string {
  const lines = later.slice(0, limit).map((l) => `${l.file}:${l.line} ${l.construct}`);
  if (later.length > limit) lines.push(`… and ${later.length - limit} more`);
  return lines.join('\n');
}
