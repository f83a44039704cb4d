import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import type { ResidentView, VillageView } from '@core/members';
import { formatDate } from '@core/time';
import RoleTags from '../../../../components/RoleTags';
import { useShownAgain } from '../../../../hooks/use-shown-again';
import Screen from '../../../../components/Screen';
import { PagedListMore, PagedListTop } from '../../../../components/PagedListStatus';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import { confirm, inform, toast } from '../../../../utils/feedback';
import { routes } from '../../../../routes';
import './index.css';
import { InputBox } from '../../../../components/TextField';

/**
 * 村民名册: an admin's village roster (a town admin picks the village). Find people by name, register a new
 * resident with a claim code, give an unbound resident a new code, or open the role editor.
 */
export default function Residents() {
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  const [villages, setVillages] = useState<VillageView[]>([]);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [keyword, setKeyword] = useState('');
  const list = usePagedList(
    useCallback(
      (cursor: string | null) =>
        call('members', 'listResidents', {
          villageId: villageId ?? '',
          ...(keyword.trim() ? { keyword: keyword.trim() } : {}),
          ...(cursor ? { cursor } : {}),
        }),
      [villageId, keyword],
    ),
  );

  useEffect(() => {
    if (!member) return;
    if (member.roles.townAdmin) {
      void call('members', 'listVillages', {}).then((r) => {
        if (r.ok) setVillages(r.data.villages);
      });
    }
    setVillageId((v) => v ?? member.villageId);
  }, [member]);

  // The list follows the village; a new keyword applies when 查找 is pressed.
  useEffect(() => {
    if (villageId) void list.reload();
  }, [villageId]);
  // Coming back from the role editor or registration shows the changes; the first show is the effect above.
  useShownAgain(() => {
    if (villageId) void list.reload();
  });

  const issueCode = async (r: ResidentView) => {
    if (
      !(await confirm(
        '发放认领码？',
        `为 ${r.name}（${r.household}）生成新的认领码，之前发的认领码将作废。`,
        '生成',
      ))
    )
      return;
    const result = await call('members', 'issueClaimCode', { residentId: r.residentId });
    if (!result.ok) return toast(result.error.message);
    await inform(
      '认领码',
      `${r.name} 的认领码：${result.data.code}\n请抄写交给本人，在“我的”页面输入即可绑定。有效期至 ${formatDate(result.data.expiresAt)}。`,
    );
  };

  const villageIndex = villages.findIndex((v) => v.id === villageId);
  return (
    <Screen title="村民名册">
      {member?.roles.townAdmin && villages.length > 0 && (
        <View className="card">
          <Picker
            mode="selector"
            range={villages.map((v) => v.name)}
            value={Math.max(0, villageIndex)}
            onChange={(e) => setVillageId(villages[Number(e.detail.value)]?.id ?? null)}
          >
            <Text className="residents__village">
              村（社区）：{villageIndex >= 0 ? villages[villageIndex]!.name : '请选择'} ▾
            </Text>
          </Picker>
        </View>
      )}
      <View className="card residents__search">
        <InputBox
          value={keyword}
          placeholder="按姓名查找"
          maxlength={20}
          onInput={setKeyword}
          onConfirm={() => void list.reload()}
        />
        <Button className="btn btn--ghost btn--small" onClick={() => void list.reload()}>
          查找
        </Button>
      </View>
      <Button
        className="btn btn--primary residents__register"
        disabled={!villageId}
        onClick={() => void Taro.navigateTo({ url: routes.admin.register({ villageId: villageId ?? '' }) })}
      >
        登记新村民并发认领码
      </Button>
      <View className="row residents__bulk">
        <Button
          className="btn btn--ghost"
          ariaLabel="从表格导入村民名册"
          onClick={() => void Taro.navigateTo({ url: routes.admin.rosterImport })}
        >
          导入名册
        </Button>
        <Button
          className="btn btn--ghost"
          ariaLabel="查看本村的认领码清单"
          disabled={!villageId}
          onClick={() =>
            void Taro.navigateTo({ url: routes.admin.claimSheet({ villageId: villageId ?? '' }) })
          }
        >
          认领码清单
        </Button>
      </View>
      <PagedListTop list={list} emptyTitle="没有找到村民" emptyHint="换个姓名试试，或登记新村民。" />
      {list.items.map((r) => (
        <View key={r.residentId} className="card" data-testid="resident">
          <Text className="card__title">
            {r.name} <Text className="muted residents__household">{r.household}</Text>
          </Text>
          <Text className="muted">
            {r.bound ? '已绑定微信' : '未绑定微信'}
            {r.phoneMasked ? ` · ${r.phoneMasked}` : ''}
          </Text>
          <View className="residents__roles">
            <RoleTags labels={r.roleLabels} />
          </View>
          <View className="row">
            {!r.bound && (
              <Button className="btn btn--ghost btn--small" onClick={() => void issueCode(r)}>
                发认领码
              </Button>
            )}
            <Button
              className="btn btn--ghost btn--small"
              onClick={() => void Taro.navigateTo({ url: routes.admin.roles({ residentId: r.residentId }) })}
            >
              设置身份
            </Button>
          </View>
        </View>
      ))}
      <PagedListMore list={list} />
    </Screen>
  );
}
