import { useEffect } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Switch, Text, View } from '@tarojs/components';
import {
  GROUP_CODES,
  GROUPS,
  POSITION_LABELS,
  type GroupCode,
  type GroupLevel,
  type GroupPosition,
} from '@core/groups';
import { checkRoleChange, normalizeRoles, NO_ROLES, roleLabels, type Roles } from '@core/roles';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useForm } from '../../../../hooks/use-form';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import { backWith, toast } from '../../../../utils/feedback';
import './index.css';

const CHOICES: (GroupPosition | null)[] = [null, 'member', 'deputy', 'leader'];

/**
 * 设置身份: 村民代表, alliance group positions at village level (and, for a town admin, town level and admin
 * roles). What may not be changed is shown disabled; the cloud checks the same rule (core/roles.ts).
 */
export default function RolesEditor() {
  const { params } = useRouter();
  const residentId = params.residentId ?? '';
  const session = useSession();
  const actor = session.me?.status === 'bound' ? session.me.member : null;
  const resident = useRemote(() => call('members', 'getResident', { residentId }), [residentId]);
  const form = useForm({
    initial: NO_ROLES as Roles,
    precheck: (roles) =>
      actor
        ? checkRoleChange(
            actor,
            { residentId, villageId: resident.data!.villageId },
            normalizeRoles(resident.data!.resident.roles),
            normalizeRoles(roles),
          )
        : '请先绑定身份',
    ask: (roles) => {
      const labels = roleLabels(normalizeRoles(roles));
      return {
        title: '保存身份？',
        content: `${resident.data!.resident.name}：${labels.length ? labels.join('、') : '普通村民'}`,
        confirmText: '保存',
      };
    },
    send: (_, roles) => call('members', 'setRoles', { residentId, roles: normalizeRoles(roles) }),
    done: () => backWith('已保存'),
    onRefused: (message) => toast(message),
  });
  const roles = form.values;
  const setRoles = form.setValues;

  useEffect(() => {
    if (resident.data) setRoles(resident.data.resident.roles);
  }, [resident.data]);

  if (!resident.data) {
    return (
      <Screen title="设置身份">
        <RemoteState remote={resident} />
      </Screen>
    );
  }
  const { resident: r, villageName } = resident.data;
  const town = actor?.roles.townAdmin === true;
  const levels: GroupLevel[] = town ? ['village', 'town'] : ['village'];
  const positionOf = (group: GroupCode, level: GroupLevel) =>
    roles.groups.find((g) => g.group === group && g.level === level)?.position ?? null;
  const setPosition = (group: GroupCode, level: GroupLevel, position: GroupPosition | null) =>
    setRoles((old) => ({
      ...old,
      groups: [
        ...old.groups.filter((g) => !(g.group === group && g.level === level)),
        ...(position ? [{ group, level, position }] : []),
      ],
    }));

  const roleSwitch = (label: string, role: 'rep' | 'villageAdmin' | 'townAdmin') => (
    <View className="roles__switch">
      <Text>{label}</Text>
      <Switch
        checked={roles[role]}
        color="#b3261e"
        onChange={(e) => setRoles((o) => ({ ...o, [role]: e.detail.value }))}
      />
    </View>
  );

  return (
    <Screen title="设置身份">
      <View className="card">
        <Text className="card__title">{r.name}</Text>
        <Text className="muted">
          {villageName} · {r.household}
        </Text>
      </View>
      <View className="card">
        {roleSwitch('村民代表', 'rep')}
        {town && (
          <>
            {roleSwitch('村管理员', 'villageAdmin')}
            {roleSwitch('镇管理员', 'townAdmin')}
          </>
        )}
      </View>
      {levels.map((level) => (
        <View key={level} className="card">
          <Text className="card__title">{level === 'town' ? '镇级联盟小组' : '村级联盟小组'}</Text>
          {GROUP_CODES.map((group) => (
            <View key={group} className="roles__group">
              <Text className="roles__group-name">{GROUPS[group].name}</Text>
              <View className="roles__choices">
                {CHOICES.map((choice) => (
                  <Text
                    ariaRole="button"
                    key={choice ?? 'none'}
                    className={`roles__choice${positionOf(group, level) === choice ? ' roles__choice--on' : ''}`}
                    onClick={() => setPosition(group, level, choice)}
                  >
                    {choice ? POSITION_LABELS[choice] : '无'}
                  </Text>
                ))}
              </View>
            </View>
          ))}
        </View>
      ))}
      <Button
        className="btn btn--primary"
        loading={form.sending}
        disabled={form.sending}
        onClick={() => void form.submit()}
      >
        保存
      </Button>
    </Screen>
  );
}
