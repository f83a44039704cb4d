export default definePageConfig({
  navigationBarTitleText: '申诉',
  enablePageMeta: true,
});
