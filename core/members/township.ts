import * as z from 'zod/mini';
import { GROUP_CODES, GROUPS, type GroupCode } from '../groups';

/**
 * A township description file (`npm run bootstrap -- --file township.json`): the town, its villages and
 * communities in the order residents see them, each with its 村民小组, and the alliance groups it runs. Pure:
 * parsing with every problem named by its place in the file (in Chinese), and the documents it stands for, with
 * deterministic ids so that running it again writes the same documents.
 *
 * ```json
 * { "town": { "id": "yina", "name": "迤那镇" },
 *   "villages": [{ "id": "zhonghai", "name": "中海村", "kind": "village", "teams": ["第一组", "第二组"] }],
 *   "groups": ["consult", "policy", "crowdfund", "mediate", "service"] }
 * ```
 */

/** Ids become document ids and URL parameters: lower-case letters, digits and dashes. */
const slug = (what: string) =>
  z
    .string()
    .check(
      z.minLength(2, `${what}编号至少 2 个字符`),
      z.maxLength(40, `${what}编号最多 40 个字符`),
      z.regex(/^[a-z][a-z0-9-]*$/, `${what}编号只能用小写字母、数字和“-”，并以字母开头`),
    );
const name = (what: string, max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(2, `${what}名称至少 2 个字`),
      z.maxLength(max, `${what}名称最多 ${max} 个字`),
    );

export const townshipSchema = z.object({
  town: z.object({ id: slug('镇'), name: name('镇', 20) }),
  villages: z
    .array(
      z.object({
        id: slug('村（社区）'),
        name: name('村（社区）', 20),
        kind: z.enum(['village', 'community'], '类型只能是 village（村）或 community（社区）'),
        teams: z._default(
          z.array(name('村民小组', 20)).check(z.maxLength(60, '一个村最多 60 个村民小组')),
          [],
        ),
      }),
    )
    .check(z.minLength(1, '至少要有一个村（社区）'), z.maxLength(60, '最多 60 个村（社区）')),
  groups: z._default(
    z.array(z.enum(GROUP_CODES as unknown as [GroupCode, ...GroupCode[]], '没有这个联盟小组')),
    [...GROUP_CODES],
  ),
});

export type Township = z.infer<typeof townshipSchema>;

export interface TownshipProblem {
  /** Where in the file, e.g. `villages[2].teams[0]`. */
  path: string;
  reason: string;
}

const pathOf = (p: PropertyKey[]) =>
  p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') ||
  '（整个文件）';

/** The township, or every problem of the file. Duplicate ids and names are problems too. */
export function parseTownship(json: unknown): { township: Township } | { problems: TownshipProblem[] } {
  const parsed = townshipSchema.safeParse(json);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ path: pathOf(i.path), reason: i.message })) };
  }
  const t = parsed.data;
  const problems: TownshipProblem[] = [];
  const seen = (values: string[], what: string, at: (i: number) => string) => {
    const first = new Map<string, number>();
    values.forEach((v, i) => {
      if (first.has(v))
        problems.push({ path: at(i), reason: `${what}“${v}”和第 ${first.get(v)! + 1} 个重复` });
      else first.set(v, i);
    });
  };
  seen(
    t.villages.map((v) => v.id),
    '编号',
    (i) => `villages[${i}].id`,
  );
  seen(
    t.villages.map((v) => v.name),
    '名称',
    (i) => `villages[${i}].name`,
  );
  t.villages.forEach((v, k) => seen(v.teams, '村民小组', (i) => `villages[${k}].teams[${i}]`));
  seen(t.groups, '小组', (i) => `groups[${i}]`);
  return problems.length ? { problems } : { township: t };
}

/** A 村民小组's id: the village's, then its place (`zhonghai-t01`), stable while the list only grows at the end. */
export const teamId = (villageId: string, index: number) =>
  `${villageId}-t${String(index + 1).padStart(2, '0')}`;

export interface TownshipDocs {
  villages: {
    _id: string;
    townId: string;
    townName: string;
    name: string;
    kind: 'village' | 'community';
    order: number;
    teams: { id: string; name: string }[];
  }[];
  /** The alliance groups the town runs, as groupSummaries start (no leaders, no members yet). */
  groups: { _id: GroupCode; name: string }[];
}

export function townshipDocs(t: Township): TownshipDocs {
  return {
    villages: t.villages.map((v, order) => ({
      _id: v.id,
      townId: t.town.id,
      townName: t.town.name,
      name: v.name,
      kind: v.kind,
      order,
      teams: v.teams.map((name, i) => ({ id: teamId(v.id, i), name })),
    })),
    groups: t.groups.map((g) => ({ _id: g, name: GROUPS[g].name })),
  };
}

/**
 * The one-time setup code: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown in three
 * groups of four. 60 bits: it cannot be guessed, even before the attempt limit.
 */
export const SETUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SETUP_CODE_LENGTH = 12;

/** Upper-cases and strips spaces and dashes; null when it cannot be a setup code. */
export function normalizeSetupCode(input: string): string | null {
  const s = input.replace(/[\s-]/g, '').toUpperCase();
  if (s.length !== SETUP_CODE_LENGTH) return null;
  return [...s].every((c) => SETUP_CODE_ALPHABET.includes(c)) ? s : null;
}

export const formatSetupCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');
