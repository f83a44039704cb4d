export default definePageConfig({
  navigationBarTitleText: '送达情况',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
