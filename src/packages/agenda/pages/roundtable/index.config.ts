export default definePageConfig({
  navigationBarTitleText: '圆桌会',
  enablePageMeta: true,
});
