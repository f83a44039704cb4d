/**
 * Demo 诚信红黑榜 for `npm start`: 中海村's 村规民约 items and its October board, published after the
 * 村民代表大会's vote, with the black-listed household's restriction. Stored as the `honor` function stores them.
 */
import { boardId, restrictionEndsAt } from '../../core/honor';
import { entryIdOf, householdKey as keyOf, pairId } from '../../cloudfunctions/honor/model';

const VILLAGE = 'zhonghai';
const AT = Date.UTC(2026, 10, 5, 2, 0, 0); // 2026-11-05 10:00 in 迤那

const RULES = [
  { code: 'XL-1', list: 'red', title: '孝老爱亲', article: '第三条 孝敬父母，赡养老人，关爱留守儿童' },
  { code: 'QF-2', list: 'red', title: '勤劳致富，带动乡邻', article: '第五条 勤劳致富，互帮互助' },
  { code: 'HJ-3', list: 'red', title: '庭院整洁，环境卫生好', article: '第八条 爱护环境卫生，门前三包' },
  { code: 'HJ-2', list: 'black', title: '乱倒垃圾，屡教不改', article: '第八条 不乱倒垃圾、不乱堆乱放' },
  { code: 'DB-1', list: 'black', title: '参与赌博', article: '第十条 不参与赌博，不聚众酗酒' },
  { code: 'SY-1', list: 'black', title: '不赡养老人', article: '第三条 子女应当履行赡养义务' },
] as const;

interface Resident {
  _id: string;
  villageId: string;
  name: string;
  household: string;
}

/** `residents`: the demo seed's residents (the board names four of 中海村's). */
export function demoHonor(residents: Record<string, unknown>[]): Record<string, Record<string, unknown>[]> {
  const at = new Date(AT);
  const honorRules = RULES.map((r) => ({
    _id: `${VILLAGE}_${r.code}`,
    villageId: VILLAGE,
    ...r,
    active: true,
    updatedAt: at,
  }));
  const pick = (id: string) => residents.find((r) => r._id === id) as unknown as Resident;
  const id = boardId(VILLAGE, '2026-10');
  const entry = (
    residentId: string,
    code: (typeof RULES)[number]['code'],
    note: string,
    reward: string | null,
  ) => {
    const r = pick(residentId);
    const rule = RULES.find((x) => x.code === code)!;
    const householdKey = keyOf(VILLAGE, r.household);
    return {
      entryId: entryIdOf(id, householdKey),
      residentId,
      name: r.name,
      household: r.household,
      householdKey,
      list: rule.list,
      reasonCode: code,
      reasonTitle: rule.title,
      note,
      reward,
    };
  };
  const entries = [
    entry('r_resident_020', 'XL-1', '照顾瘫痪在床的婆婆十年如一日', '洗衣粉一袋、积分 20 分'),
    entry('r_resident_021', 'QF-2', '带动 6 户乡邻种植高山冷凉蔬菜', '积分 20 分'),
    entry('r_resident_022', 'HJ-3', '庭院整洁，门前三包落实好', '积分 10 分'),
    entry('r_resident_023', 'HJ-2', '多次往河道倾倒生活垃圾，劝阻不听', null),
  ];
  const black = entries[3]!;
  return {
    honorRules,
    honorBoards: [
      {
        _id: id,
        villageId: VILLAGE,
        villageName: '中海村',
        month: '2026-10',
        status: 'published',
        entries,
        corrections: [],
        draftedBy: { openid: 'demo-village-admin', name: '村委会' },
        submittedBy: { openid: 'demo-village-admin', name: '村委会' },
        review: { kind: 'assembly', date: '2026-11-04', openid: 'demo-village-admin', name: '村委会', at },
        returnedReason: null,
        publishedAt: at,
        createdAt: at,
        updatedAt: at,
      },
    ],
    honorRestrictions: [
      {
        _id: pairId(id, black.entryId),
        villageId: VILLAGE,
        householdKey: black.householdKey,
        boardId: id,
        entryId: black.entryId,
        reasonTitle: black.reasonTitle,
        startsAt: at,
        endsAt: new Date(restrictionEndsAt(AT)),
        liftedAt: null,
        liftReason: null,
        reassessments: [],
      },
    ],
  };
}
