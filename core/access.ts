import type { ActionOf, FunctionName } from './api';
import { holds, NO_ROLES, type Audience, type MemberIdentity, type Roles } from './roles';

/**
 * The authorization matrix: for every cloud function and action, who may call it. Each function's router
 * (cloudfunctions/_shared/command.ts) checks a call against this table before it looks at the input, so the
 * table is the one place where an action's audience is written. `rule` names the finer check the command
 * makes on the data itself (own village, the item's village, the notice's audience…) once the role lets the
 * call through; README's "Who may do what" is printed from this file (`npm run access-table`).
 */
export interface Access {
  /** Any of these audiences may call the action (roles.ts `holds`). */
  allow: readonly Audience[];
  /** The further rule the command applies to the data, in words; none when the role is the whole rule. */
  rule?: string;
}

type AccessTable = { [F in FunctionName]: { [A in ActionOf<F>]: Access } };

const ANYONE = ['anyone'] as const;
const RESIDENT = ['resident'] as const;
const ADMINS = ['villageAdmin', 'townAdmin'] as const;
const LEADERS_AND_ADMINS = ['groupLeader', 'villageAdmin', 'townAdmin'] as const;

const OWN_VILLAGE = "an admin of the resident's village, or a town admin";
const ITEM_VILLAGE = "an admin of the item's village, or a town admin";
const DIVIDEND_MANAGERS = "the cooperative's village admins, town admins and its board (理事会)";

export const ACCESS = {
  members: {
    me: { allow: ANYONE },
    listVillages: { allow: ANYONE },
    listGroups: { allow: ANYONE },
    requestBinding: { allow: ANYONE, rule: 'a WeChat user not yet bound' },
    claimWithCode: { allow: ANYONE, rule: 'a WeChat user not yet bound, with the code an admin issued' },
    listPending: { allow: ADMINS, rule: OWN_VILLAGE },
    approveBinding: { allow: ADMINS, rule: OWN_VILLAGE },
    rejectBinding: { allow: ADMINS, rule: OWN_VILLAGE },
    issueClaimCode: { allow: ADMINS, rule: OWN_VILLAGE },
    listResidents: { allow: ADMINS, rule: OWN_VILLAGE },
    getResident: { allow: ADMINS, rule: OWN_VILLAGE },
    setRoles: {
      allow: ADMINS,
      rule: 'town admins any role; village admins 村民代表 and village-level group roles in their village',
    },
  },
  agenda: {
    listItems: {
      allow: RESIDENT,
      rule: "the resident's village (town admins any); held items to their author and the admins",
    },
    getItem: { allow: RESIDENT, rule: 'held and rejected items only for their author and the admins' },
    raise: { allow: RESIDENT, rule: 'in their own village' },
    moderate: { allow: ADMINS, rule: ITEM_VILLAGE },
    merge: {
      allow: RESIDENT,
      rule: `${ITEM_VILLAGE}, or a 协商议事组 组长/副组长 of the town or that village`,
    },
    advance: { allow: ADMINS, rule: ITEM_VILLAGE },
    comment: { allow: RESIDENT, rule: "the item's village, or town-level roles" },
    listComments: { allow: RESIDENT, rule: 'held comments only to their author and the admins' },
    support: { allow: RESIDENT, rule: "the item's village, or town-level roles" },
    scheduleRoundtable: { allow: ADMINS, rule: ITEM_VILLAGE },
    recordMinutes: { allow: ADMINS, rule: ITEM_VILLAGE },
    listParticipants: { allow: ADMINS, rule: ITEM_VILLAGE },
    createPoll: { allow: ADMINS, rule: ITEM_VILLAGE },
    openPoll: { allow: ADMINS, rule: ITEM_VILLAGE },
    closePoll: { allow: ADMINS, rule: ITEM_VILLAGE },
    getPoll: { allow: RESIDENT },
    vote: {
      allow: ANYONE,
      rule: "on the poll's voter roll, frozen at opening: the village's residents, its 村民代表, or a group's members",
    },
    checkReceipt: { allow: RESIDENT, rule: 'whoever holds the receipt (only its hash is stored)' },
    listReceipts: { allow: RESIDENT, rule: 'after the result is frozen' },
    addTask: { allow: ADMINS, rule: ITEM_VILLAGE },
    updateTask: { allow: RESIDENT, rule: `the task's owner, or ${ITEM_VILLAGE}` },
    giveVerdict: { allow: RESIDENT, rule: "the item's village, or town-level roles" },
  },
  briefings: {
    listCategories: { allow: ANYONE },
    list: { allow: ANYONE, rule: 'published briefings of the town and the reader’s village' },
    search: { allow: ANYONE, rule: 'published briefings of the town and the reader’s village' },
    get: {
      allow: ANYONE,
      rule: 'the town’s and the reader’s village’s; a withdrawn one in full only to its publishers',
    },
    listVersions: { allow: ANYONE, rule: 'as get' },
    getVersion: { allow: ANYONE, rule: 'as get' },
    markLearned: { allow: RESIDENT, rule: 'a briefing the resident may read' },
    readStats: { allow: LEADERS_AND_ADMINS, rule: 'the briefing’s publishers' },
    publish: {
      allow: LEADERS_AND_ADMINS,
      rule: 'town: town admins and the town’s 政策解读组 组长/副组长; a village: also its admins and the village’s 政策解读组 leaders',
    },
    edit: { allow: LEADERS_AND_ADMINS, rule: 'as publish, for the briefing’s scope' },
    withdraw: { allow: LEADERS_AND_ADMINS, rule: 'as publish, for the briefing’s scope' },
    saveCategory: { allow: ['townAdmin'] },
  },
  honor: {
    listRules: { allow: RESIDENT },
    saveRule: { allow: ADMINS, rule: OWN_VILLAGE },
    saveSettings: { allow: ADMINS, rule: OWN_VILLAGE },
    listBoards: { allow: RESIDENT, rule: 'published boards of the resident’s village; all to its admins' },
    getBoard: { allow: RESIDENT, rule: 'as listBoards' },
    createBoard: { allow: ADMINS, rule: OWN_VILLAGE },
    addEntry: { allow: ADMINS, rule: `${OWN_VILLAGE}, while the board is a draft` },
    removeEntry: { allow: ADMINS, rule: `${OWN_VILLAGE}, while the board is a draft` },
    submitBoard: { allow: ADMINS, rule: OWN_VILLAGE },
    returnBoard: { allow: ADMINS, rule: OWN_VILLAGE },
    approveBoard: { allow: ADMINS, rule: `${OWN_VILLAGE}, not the one who drafted or submitted it` },
    recordAssembly: { allow: ADMINS, rule: OWN_VILLAGE },
    addCorrection: { allow: ADMINS, rule: OWN_VILLAGE },
    searchHouseholds: { allow: ADMINS, rule: OWN_VILLAGE },
    myStanding: { allow: RESIDENT, rule: 'their own household' },
    appeal: { allow: RESIDENT, rule: 'a member of a household on the board' },
    listAppeals: { allow: ADMINS, rule: OWN_VILLAGE },
    resolveAppeal: { allow: ADMINS, rule: OWN_VILLAGE },
    reassess: { allow: ADMINS, rule: OWN_VILLAGE },
  },
  notices: {
    composeOptions: { allow: LEADERS_AND_ADMINS, rule: 'the audiences core/notices.ts canNotify allows' },
    push: {
      allow: LEADERS_AND_ADMINS,
      rule: 'town admins anywhere; village admins and group leaders to their village and their group (canNotify)',
    },
    drain: { allow: LEADERS_AND_ADMINS, rule: 'senders; the timer trigger runs without a user' },
    sent: { allow: LEADERS_AND_ADMINS, rule: 'their own notices' },
    inbox: { allow: RESIDENT, rule: 'notices to the resident’s village, groups and town' },
    unread: { allow: RESIDENT, rule: 'as inbox' },
    open: { allow: RESIDENT, rule: 'a notice in the resident’s audience' },
    subscribe: { allow: RESIDENT },
    coverage: { allow: RESIDENT, rule: 'the sender, town admins and the village’s admins (canOversee)' },
    unreadHouseholds: { allow: RESIDENT, rule: 'as coverage' },
    exportUnread: { allow: RESIDENT, rule: 'as coverage' },
  },
  dividends: {
    listCooperatives: { allow: ANYONE, rule: 'public summaries, no household amount' },
    getCooperative: { allow: ANYONE, rule: `the roster only for ${DIVIDEND_MANAGERS}` },
    saveCooperative: { allow: ADMINS, rule: "an admin of the cooperative's village, or a town admin" },
    importRoster: { allow: RESIDENT, rule: DIVIDEND_MANAGERS },
    declare: { allow: RESIDENT, rule: DIVIDEND_MANAGERS },
    compute: { allow: RESIDENT, rule: DIVIDEND_MANAGERS },
    review: { allow: RESIDENT, rule: `${DIVIDEND_MANAGERS}, not the declarer` },
    publish: { allow: RESIDENT, rule: `${DIVIDEND_MANAGERS}, once reviewed` },
    getDistribution: {
      allow: ANYONE,
      rule: 'the summary to anyone; the own line to the household; every line to the managers',
    },
    whatIf: { allow: ANYONE, rule: 'only the caller’s own line comes back' },
    exportDistribution: { allow: RESIDENT, rule: DIVIDEND_MANAGERS },
    myDividends: { allow: RESIDENT, rule: 'their own household' },
  },
} as const satisfies AccessTable;

/** Who may call `fn`'s `action`, or undefined for an action the table does not know. */
export function accessOf(fn: string, action: string): Access | undefined {
  const actions = (ACCESS as Record<string, Record<string, Access>>)[fn];
  return actions && Object.hasOwn(actions, action) ? actions[action] : undefined;
}

/** The matrix's columns: one role each, as the canonical member who holds only that role. */
export const ROLE_COLUMNS = [
  { key: 'unbound', label: '未绑定' },
  { key: 'resident', label: '村民' },
  { key: 'rep', label: '村民代表' },
  { key: 'groupMember', label: '小组成员' },
  { key: 'groupLeader', label: '小组组长' },
  { key: 'villageAdmin', label: '村管理员' },
  { key: 'townAdmin', label: '镇管理员' },
] as const;

export type RoleColumn = (typeof ROLE_COLUMNS)[number]['key'];

const groupRole = (position: 'member' | 'leader'): Roles['groups'][number] => ({
  group: 'service',
  level: 'village',
  position,
});

/** The member who holds exactly the column's role (null: a WeChat user not bound to a resident). */
export function columnIdentity(column: RoleColumn): MemberIdentity | null {
  if (column === 'unbound') return null;
  const roles: Roles = { ...NO_ROLES, groups: [] };
  if (column === 'rep') roles.rep = true;
  if (column === 'villageAdmin') roles.villageAdmin = true;
  if (column === 'townAdmin') roles.townAdmin = true;
  if (column === 'groupMember') roles.groups = [groupRole('member')];
  if (column === 'groupLeader') roles.groups = [groupRole('leader')];
  return { residentId: `column-${column}`, villageId: 'column-village', roles };
}

/** Whether the column's role passes the action's role gate. */
export function columnAllowed(access: Access, column: RoleColumn): boolean {
  const member = columnIdentity(column);
  return access.allow.some((a: Audience) => holds(member, a));
}

/** Every row of the matrix: function, action, one allowed flag per column and the finer rule. */
export function accessRows(): { fn: FunctionName; action: string; allowed: boolean[]; rule?: string }[] {
  return (Object.keys(ACCESS) as FunctionName[]).flatMap((fn) =>
    Object.entries(ACCESS[fn] as Record<string, Access>).map(([action, access]) => ({
      fn,
      action,
      allowed: ROLE_COLUMNS.map((c) => columnAllowed(access, c.key)),
      ...(access.rule ? { rule: access.rule } : {}),
    })),
  );
}

/** The matrix as a Markdown table (README's "Who may do what"). */
export function accessMarkdown(): string {
  const head = ['function', 'action', ...ROLE_COLUMNS.map((c) => c.label), 'and also'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const row of accessRows()) {
    const cells = row.allowed.map((a) => (a ? '✓' : '—'));
    lines.push(`| ${row.fn} | \`${row.action}\` | ${cells.join(' | ')} | ${row.rule ?? ''} |`);
  }
  return lines.join('\n');
}
