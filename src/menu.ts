import { allows, type Audience, type MemberIdentity } from '@core/roles';
import { routes } from './routes';

/**
 * The 首页 menu (“迤那之窗 · 统战联盟”): one entry per feature that exists, shown to whoever may use it —
 * the same audience rule the cloud function enforces. Features add their entry here when they land.
 */
export interface MenuEntry {
  id: string;
  title: string;
  description: string;
  /** One character drawn large in a badge (no image or emoji font needed). */
  badge: string;
  url: string;
  audience: readonly Audience[];
}

export const MENU: MenuEntry[] = [
  {
    id: 'agenda',
    title: '圆桌议事',
    description: '提事、讨论、投票，村里的事大家定',
    badge: '议',
    url: routes.agenda.list,
    audience: ['resident'],
  },
  {
    id: 'briefings',
    title: '政策宣讲',
    description: '惠民政策和公示，能搜索、能朗读',
    badge: '讲',
    url: routes.briefings.list,
    audience: ['anyone'],
  },
  {
    id: 'honor',
    title: '红黑榜',
    description: '每月诚信红黑榜，可查看、可申诉',
    badge: '榜',
    url: routes.honor.board(),
    audience: ['resident'],
  },
  {
    id: 'dividends',
    title: '分红查询',
    description: '合作社分红到户，每一分钱都说得清',
    badge: '红',
    url: routes.dividends.mine,
    audience: ['anyone'],
  },
  {
    id: 'groups',
    title: '联盟小组',
    description: '五个职能组的职责和组长',
    badge: '组',
    url: routes.alliance.groups,
    audience: ['anyone'],
  },
  {
    id: 'bindings',
    title: '身份审核',
    description: '审核村民的绑定申请',
    badge: '审',
    url: routes.admin.bindings,
    audience: ['villageAdmin', 'townAdmin'],
  },
  {
    id: 'roster',
    title: '村民名册',
    description: '登记村民、发认领码、设置身份',
    badge: '册',
    url: routes.admin.residents,
    audience: ['villageAdmin', 'townAdmin'],
  },
];

export function menuFor(member: MemberIdentity | null): MenuEntry[] {
  return MENU.filter((entry) => allows(entry.audience, member));
}
