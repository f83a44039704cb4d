export default definePageConfig({
  navigationBarTitleText: '安排任务',
  enablePageMeta: true,
});
