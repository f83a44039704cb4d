// Evaluated at build time; Taro's CLI sets TARO_ENV from `--type`.
const isH5 = process.env.TARO_ENV === 'h5';

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/notices/index',
    'pages/me/index',
    // The demo-identity switcher exists only in the local H5 build, never in the mini-program.
    ...(isH5 ? ['pages/dev/identity/index'] : []),
  ],
  subPackages: [
    { root: 'packages/alliance', name: 'alliance', pages: ['pages/groups/index'] },
    {
      root: 'packages/agenda',
      name: 'agenda',
      pages: [
        'pages/list/index',
        'pages/item/index',
        'pages/propose/index',
        'pages/poll/index',
        'pages/receipts/index',
        'pages/roundtable/index',
        'pages/poll-setup/index',
        'pages/task/index',
      ],
    },
    {
      root: 'packages/briefings',
      name: 'briefings',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/edit/index', 'pages/versions/index'],
      // 朗读 in the mini-program: WeChat's 同声传译 plugin (add it in the mini-program console first).
      plugins: { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } },
    },
    {
      root: 'packages/honor',
      name: 'honor',
      pages: ['pages/board/index', 'pages/standing/index', 'pages/appeal/index', 'pages/manage/index'],
    },
    {
      root: 'packages/notices',
      name: 'notices',
      pages: ['pages/detail/index', 'pages/compose/index', 'pages/sent/index', 'pages/coverage/index'],
    },
    {
      root: 'packages/dividends',
      name: 'dividends',
      pages: [
        'pages/mine/index',
        'pages/coops/index',
        'pages/coop/index',
        'pages/distribution/index',
        'pages/declare/index',
        'pages/import/index',
        'pages/edit/index',
      ],
    },
    {
      root: 'packages/admin',
      name: 'admin',
      pages: [
        'pages/bindings/index',
        'pages/residents/index',
        'pages/roles/index',
        'pages/register/index',
        'pages/import/index',
        'pages/claim-sheet/index',
      ],
    },
  ],
  preloadRule: {
    'pages/home/index': {
      network: 'all',
      packages: ['alliance', 'agenda', 'briefings', 'honor', 'dividends'],
    },
    'pages/notices/index': { network: 'all', packages: ['notices'] },
    'pages/me/index': { network: 'all', packages: ['admin'] },
  },
  tabBar: {
    color: '#5c5c63',
    selectedColor: '#b3261e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // Icons drawn by scripts/tools/tab-icons.ts in the two colours above.
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/notices/index',
        text: '通知',
        iconPath: 'assets/tab/notices.png',
        selectedIconPath: 'assets/tab/notices-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b3261e',
    navigationBarTitleText: '同心',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f6',
  },
  lazyCodeLoading: 'requiredComponents',
  // The privacy guide (configured in the mini-program console) must be agreed before personal data is collected.
  __usePrivacyCheck__: true,
});
