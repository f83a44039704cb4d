/**
 * Every page's URL, built in one place: `routes.agenda.item({ itemId })`. The tabs live in the main package
 * (`/pages/...`), each feature in its subpackage (`/packages/<root>/pages/<page>/index`, as in app.config.ts).
 * Parameters are URL-encoded; pages read them back with `useRouter().params`.
 */
type Params = Record<string, string | undefined>;

function url(path: string, params: Params = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

const tab = (page: string) => `/pages/${page}/index`;
const page = (root: string, name: string) => `/packages/${root}/pages/${name}/index`;

export const routes = {
  /** The three tabs (Taro.switchTab), in the main package. */
  tabs: { home: tab('home'), notices: tab('notices'), me: tab('me') },
  /** The H5-only demo identity switcher. */
  devIdentity: tab('dev/identity'),
  alliance: { groups: page('alliance', 'groups') },
  agenda: {
    list: page('agenda', 'list'),
    propose: page('agenda', 'propose'),
    receipts: page('agenda', 'receipts'),
    item: ({ itemId }: { itemId: string }) => url(page('agenda', 'item'), { id: itemId }),
    poll: ({ pollId }: { pollId: string }) => url(page('agenda', 'poll'), { id: pollId }),
    pollSetup: ({ itemId }: { itemId: string }) => url(page('agenda', 'poll-setup'), { id: itemId }),
    roundtable: ({ itemId }: { itemId: string }) => url(page('agenda', 'roundtable'), { id: itemId }),
    task: ({ itemId }: { itemId: string }) => url(page('agenda', 'task'), { id: itemId }),
  },
  briefings: {
    list: page('briefings', 'list'),
    detail: ({ briefingId }: { briefingId: string }) => url(page('briefings', 'detail'), { id: briefingId }),
    /** Without a briefing: a new one. */
    edit: ({ briefingId }: { briefingId?: string } = {}) =>
      url(page('briefings', 'edit'), { id: briefingId }),
    versions: ({ briefingId }: { briefingId: string }) =>
      url(page('briefings', 'versions'), { id: briefingId }),
  },
  honor: {
    /** `boardId`: the month to show first (a shared board); without it, the newest published one. */
    board: (p: { boardId?: string } = {}) => url(page('honor', 'board'), p),
    standing: page('honor', 'standing'),
    manage: page('honor', 'manage'),
    appeal: (p: { boardId: string; entryId: string }) => url(page('honor', 'appeal'), p),
  },
  notices: {
    detail: ({ noticeId }: { noticeId: string }) => url(page('notices', 'detail'), { id: noticeId }),
    compose: page('notices', 'compose'),
    sent: page('notices', 'sent'),
    coverage: ({ noticeId }: { noticeId: string }) => url(page('notices', 'coverage'), { id: noticeId }),
  },
  dividends: {
    mine: page('dividends', 'mine'),
    coops: page('dividends', 'coops'),
    coop: ({ coopId }: { coopId: string }) => url(page('dividends', 'coop'), { id: coopId }),
    distribution: ({ distributionId }: { distributionId: string }) =>
      url(page('dividends', 'distribution'), { id: distributionId }),
    /** `corrects`: the distribution this declaration replaces. */
    declare: (p: { coopId: string; corrects?: string }) => url(page('dividends', 'declare'), p),
    import: (p: { coopId: string }) => url(page('dividends', 'import'), p),
    /** A cooperative's record, or a new one in the village. */
    edit: (p: { coopId: string } | { villageId: string }) => url(page('dividends', 'edit'), p),
  },
  admin: {
    bindings: page('admin', 'bindings'),
    residents: page('admin', 'residents'),
    register: (p: { villageId: string }) => url(page('admin', 'register'), p),
    rosterImport: page('admin', 'import'),
    claimSheet: (p: { villageId: string }) => url(page('admin', 'claim-sheet'), p),
    roles: (p: { residentId: string }) => url(page('admin', 'roles'), p),
  },
} as const;
