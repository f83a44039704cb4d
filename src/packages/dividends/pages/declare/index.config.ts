export default definePageConfig({
  navigationBarTitleText: '申报分配',
  enablePageMeta: true,
});
