import {
  APPROVAL_OPTIONS,
  computeOutcome,
  type AgendaOutput,
  type ItemDetail,
  type ItemSummary,
  type PollView,
} from '../../core/agenda';
import type { Result } from '../../core/result';
import { fakeFunction } from './fake-members';

/**
 * A stand-in for the `agenda` function's answers, for client tests (component tests and weapp smoke tests).
 * The function itself is tested through the local cloud in test/cloudfunctions/agenda.
 */
const AT = Date.UTC(2026, 10, 20, 2);

export function itemSummary(overrides: Partial<ItemSummary> = {}): ItemSummary {
  return {
    itemId: 'i_well',
    villageId: 'zhonghai',
    villageName: '中海村',
    title: '修缮村口老水井',
    step: 'consulting',
    status: 'open',
    authorName: '胡翠萍',
    supportCount: 12,
    commentCount: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function itemDetail(overrides: Partial<ItemDetail> = {}): ItemDetail {
  return {
    ...itemSummary(),
    body: '村口的老水井井壁开裂，雨季水质浑浊，请村里组织修缮并加盖。',
    mergedInto: null,
    mergedFrom: [],
    roundtable: null,
    pollId: null,
    poll: null,
    tasks: [],
    verdicts: { confirm: 0, dispute: 0 },
    timeline: [
      { step: 'raised', at: AT, actorName: '胡翠萍', actorRole: '村民', what: '提出事项' },
      {
        step: 'consulting',
        at: AT + 60_000,
        actorName: '王建国',
        actorRole: '村管理员',
        what: '开始征求意见',
      },
    ],
    mine: { supported: false, verdict: null, canManage: false, canMerge: false },
    ...overrides,
  };
}

export function pollView(overrides: Partial<PollView> = {}): PollView {
  const rules = {
    kind: 'approval' as const,
    options: APPROVAL_OPTIONS.map((o) => ({ ...o })),
    minChoices: 1,
    maxChoices: 1,
    quorumPct: 50,
    thresholdPct: 50,
    thresholdBase: 'cast' as const,
  };
  return {
    pollId: 'p_well',
    itemId: 'i_well',
    question: '是否同意用村集体资金修缮水井',
    ...rules,
    eligibility: { kind: 'reps' },
    eligibleCount: 15,
    status: 'open',
    opensAt: AT,
    closesAt: AT + 3 * 86_400_000,
    visibility: 'afterClose',
    cast: 3,
    outcome: null,
    digest: null,
    mine: { eligible: true, voted: false },
    ...overrides,
  };
}

/** A closed poll's frozen result: 8 yes, 2 no, 1 abstain of 15. */
export function closedPoll(overrides: Partial<PollView> = {}): PollView {
  const base = pollView();
  return pollView({
    status: 'closed',
    cast: 11,
    outcome: computeOutcome(base, 15, 11, { yes: 8, no: 2, abstain: 1 }),
    digest: 'c0ffee'.repeat(10) + 'beef',
    ...overrides,
  });
}

export type AgendaAnswers = {
  [A in keyof AgendaOutput]?:
    AgendaOutput[A] | ((input: Record<string, unknown>) => Result<AgendaOutput[A], string>);
};

const DEFAULTS: AgendaAnswers = {
  listItems: { items: [itemSummary()], nextCursor: null },
  getItem: itemDetail(),
  listComments: {
    items: [{ commentId: 'c1', authorName: '安春梅', text: '确实该修了，雨天水是浑的。', createdAt: AT }],
    nextCursor: null,
  },
  getPoll: pollView(),
  listParticipants: {
    participants: [
      {
        residentId: 'r_leader_consult',
        name: '王建国',
        villageName: '中海村',
        role: '协商议事组组长（镇级）',
      },
    ],
  },
  listReceipts: { items: [], nextCursor: null, digest: null },
};

export function fakeAgenda(
  answers: AgendaAnswers = {},
): (event: Record<string, unknown>) => Result<unknown, string> {
  return fakeFunction({ ...DEFAULTS, ...answers });
}
