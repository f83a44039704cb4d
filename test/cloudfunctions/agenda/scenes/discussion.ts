import { data, useAppCloud } from '../../../support/app-cloud';
import { agendaAs, ITEM, startAgendaCloud } from '../../../support/agenda';
import { authors } from '../fixtures';

/** The cloud and helpers of the discussion suites (comment, listComments, support). */
export function useDiscussionScene() {
  const cloud = useAppCloud(startAgendaCloud);

  const HOUR_MS = 3_600_000;
  const nextAuthor = authors();
  /** Commenters: one per test that writes comments, so that no one reaches the hourly limit by accident. */
  const nextCommenter = authors(20);
  const as = (openid: string) => agendaAs(cloud, openid);
  const raised = async () => data(await as(nextAuthor())('raise', ITEM)).item.itemId;
  const itemDoc = (itemId: string) => cloud.dump('agendaItems').find((i) => i._id === itemId)!;
  const commentsOf = (itemId: string) => cloud.dump('agendaComments').filter((c) => c.itemId === itemId);
  const listed = async (openid: string, itemId: string) =>
    data(await as(openid)('listComments', { itemId, limit: 50 })).items.map((c) => c.text);
  return { cloud, HOUR_MS, nextAuthor, nextCommenter, as, raised, itemDoc, commentsOf, listed };
}
