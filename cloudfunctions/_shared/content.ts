import { cloud } from './cloud';

export type ContentVerdict = 'pass' | 'review' | 'risky';

/**
 * WeChat's content security check (msgSecCheck v2) for text a user typed. The function's config.json
 * must list `security.msgSecCheck`. Scene: 1 profile, 2 comment, 3 forum, 4 social log.
 */
export async function checkText(
  openid: string,
  content: string,
  scene: 1 | 2 | 3 | 4,
): Promise<ContentVerdict> {
  const res = (await cloud.openapi.security.msgSecCheck({ openid, content, scene, version: 2 })) as {
    result?: { suggest?: string };
  };
  const suggest = res.result?.suggest;
  return suggest === 'risky' || suggest === 'review' ? suggest : 'pass';
}
