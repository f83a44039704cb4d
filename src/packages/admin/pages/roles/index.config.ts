export default definePageConfig({
  navigationBarTitleText: '设置身份',
  enablePageMeta: true,
});
