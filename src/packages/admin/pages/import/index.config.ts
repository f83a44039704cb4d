export default definePageConfig({
  navigationBarTitleText: '导入村民名册',
  enablePageMeta: true,
});
