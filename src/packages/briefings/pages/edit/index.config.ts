export default definePageConfig({
  navigationBarTitleText: '发布宣讲',
  enablePageMeta: true,
});
