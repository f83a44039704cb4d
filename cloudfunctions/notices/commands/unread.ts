import { defineCommand } from '../../_shared/command';
import { window } from '../addressed';

/** The unread count for the tab badge: three reads. ok: { unread } */
export const unread = defineCommand('notices', 'unread', {
  async run(ctx) {
    const { notices, read } = await window((await ctx.member())!);
    return { unread: notices.filter((n) => !read.has(n._id)).length };
  },
});
