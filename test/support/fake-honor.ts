import {
  appealDeadline,
  type BoardView,
  type EntryView,
  type HonorOutput,
  type StandingEntry,
} from '../../core/honor';
import type { Result } from '../../core/result';
import { fakeFunction } from './fake-members';

/** Fake answers of the `honor` function for component tests (what the pages expect to receive). */
export const PUBLISHED_AT = Date.UTC(2026, 10, 3, 2, 0, 0);

export function entryView(overrides: Partial<EntryView> = {}): EntryView {
  return {
    entryId: 'e_red',
    name: '胡翠萍',
    household: '三组019号',
    list: 'red',
    reasonCode: 'XL-1',
    reasonTitle: '孝老爱亲',
    note: '照顾瘫痪的婆婆十年',
    reward: '洗衣粉一袋',
    correction: null,
    ...overrides,
  };
}

export const BLACK_ENTRY = entryView({
  entryId: 'e_black',
  name: '安*梅',
  household: '四组004号',
  list: 'black',
  reasonCode: 'HJ-2',
  reasonTitle: '乱倒垃圾，屡教不改',
  note: '多次往河道倒垃圾',
  reward: null,
});

export function boardView(overrides: Partial<BoardView> = {}): BoardView {
  return {
    boardId: 'zhonghai_2026-11',
    villageId: 'zhonghai',
    villageName: '中海村',
    month: '2026-11',
    status: 'published',
    entries: [entryView(), BLACK_ENTRY],
    draftedBy: '吴家顺',
    review: { kind: 'admin', name: '李文', at: PUBLISHED_AT },
    returnedReason: null,
    publishedAt: PUBLISHED_AT,
    canManage: false,
    canApprove: false,
    ...overrides,
  };
}

export function standingEntry(overrides: Partial<StandingEntry> = {}): StandingEntry {
  return {
    boardId: 'zhonghai_2026-11',
    month: '2026-11',
    entry: BLACK_ENTRY,
    appeal: null,
    appealUntil: appealDeadline(PUBLISHED_AT),
    canAppeal: true,
    restriction: {
      restrictionId: 'zhonghai_2026-11_e_black',
      state: 'active',
      startsAt: PUBLISHED_AT,
      endsAt: Date.UTC(2027, 1, 3, 2, 0, 0),
      liftedAt: null,
      liftReason: null,
    },
    ...overrides,
  };
}

export const RULES: HonorOutput['listRules'] = {
  villageId: 'zhonghai',
  maskBlackNames: true,
  rules: [
    {
      code: 'HJ-2',
      list: 'black',
      title: '乱倒垃圾，屡教不改',
      article: '第八条 爱护环境卫生',
      active: true,
    },
    { code: 'XL-1', list: 'red', title: '孝老爱亲', article: '第三条 孝敬父母，赡养老人', active: true },
    { code: 'ZD-9', list: 'black', title: '旧条目', article: '已废止的条文', active: false },
  ],
};

export type HonorAnswers = {
  [A in keyof HonorOutput]?:
    HonorOutput[A] | ((input: Record<string, unknown>) => Result<HonorOutput[A], string>);
};

const DEFAULTS: HonorAnswers = {
  listBoards: {
    villageId: 'zhonghai',
    boards: [
      {
        boardId: 'zhonghai_2026-11',
        month: '2026-11',
        status: 'published',
        red: 1,
        black: 1,
        publishedAt: PUBLISHED_AT,
      },
    ],
  },
  getBoard: boardView(),
  listRules: RULES,
  myStanding: {
    household: '四组004号',
    villageName: '中海村',
    restricted: null,
    entries: [],
  },
  listAppeals: { appeals: [] },
  searchHouseholds: { residents: [] },
};

export function fakeHonor(
  answers: HonorAnswers = {},
): (event: Record<string, unknown>) => Result<unknown, string> {
  return fakeFunction({ ...DEFAULTS, ...answers });
}
