export default definePageConfig({
  navigationBarTitleText: '导入股东名册',
  enablePageMeta: true,
});
