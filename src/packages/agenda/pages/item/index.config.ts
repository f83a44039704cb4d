export default definePageConfig({
  navigationBarTitleText: '事项详情',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
