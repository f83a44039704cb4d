export default definePageConfig({
  navigationBarTitleText: '分配方案',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
