export default definePageConfig({
  navigationBarTitleText: '登记新村民',
  enablePageMeta: true,
});
