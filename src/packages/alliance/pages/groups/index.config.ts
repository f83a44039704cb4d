export default definePageConfig({
  navigationBarTitleText: '联盟小组',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
