/** Where the notices pages live (the tab is in the main package, the rest in the `notices` subpackage). */
const PAGES = '/packages/notices/pages';
export const noticeUrl = (noticeId: string) => `${PAGES}/detail/index?id=${noticeId}`;
export const composeUrl = `${PAGES}/compose/index`;
export const sentUrl = `${PAGES}/sent/index`;
export const coverageUrl = (noticeId: string) => `${PAGES}/coverage/index?id=${noticeId}`;
