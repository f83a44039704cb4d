import Screen from '../../components/Screen';
import StateView from '../../components/StateView';

/** 通知: notices pushed by the alliance groups will be listed here; until the first arrives, say so plainly. */
export default function Notices() {
  return (
    <Screen title="通知">
      <StateView kind="empty" title="暂时没有通知" hint="联盟小组和村委发布的通知会显示在这里。" />
    </Screen>
  );
}
