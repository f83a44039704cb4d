export default definePageConfig({
  navigationBarTitleText: '身份审核',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
