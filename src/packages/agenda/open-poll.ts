import Taro from '@tarojs/taro';
import { ok, type Result } from '@core/result';
import { call } from '../../services/cloud';

/**
 * Opens a poll to the end. A town-size roll is written a page of members per call, and each call answers
 * `opening` with the count so far, shown in the loading toast. A call that finds the poll opened meanwhile
 * (a second tap, the timer) counts as done. Should the signal drop half-way, pressing 开始投票 again goes on
 * from where the roll stopped.
 */
export async function openPollFully(pollId: string): Promise<Result<{ eligibleCount: number }, string>> {
  let started = false;
  try {
    for (;;) {
      const answer = await call('agenda', 'openPoll', { pollId });
      if (!answer.ok) {
        if (!started || answer.error.code !== 'CONFLICT') return answer;
        const poll = await call('agenda', 'getPoll', { pollId });
        return poll.ok ? ok({ eligibleCount: poll.data.eligibleCount }) : poll;
      }
      if (answer.data.status === 'open') return ok({ eligibleCount: answer.data.eligibleCount });
      started = true;
      void Taro.showLoading({ title: `正在生成投票名单 ${answer.data.eligibleCount} 人`, mask: true });
    }
  } finally {
    if (started) void Taro.hideLoading();
  }
}
