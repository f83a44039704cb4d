export default definePageConfig({
  navigationBarTitleText: '管理红黑榜',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
