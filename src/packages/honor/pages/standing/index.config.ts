export default definePageConfig({
  navigationBarTitleText: '我家的情况',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
