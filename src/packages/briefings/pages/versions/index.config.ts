export default definePageConfig({
  navigationBarTitleText: '修改历史',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
