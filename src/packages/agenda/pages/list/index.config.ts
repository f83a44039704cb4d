export default definePageConfig({
  navigationBarTitleText: '圆桌议事',
  enablePageMeta: true,
  enablePullDownRefresh: true,
});
