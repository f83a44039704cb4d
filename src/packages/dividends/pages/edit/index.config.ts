export default definePageConfig({
  navigationBarTitleText: '编辑合作社',
  enablePageMeta: true,
});
