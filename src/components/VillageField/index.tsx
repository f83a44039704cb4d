import { Picker, Text } from '@tarojs/components';
import type { VillageView } from '@core/members';
import Field from '../Field';

interface VillageFieldProps {
  villages: VillageView[];
  /** The chosen village's id, '' before a choice. */
  value: string;
  error?: string | null | false;
  onChange: (villageId: string) => void;
}

/** 所在村（社区）: the town's villages and communities in a picker, in the order the town lists them. */
export default function VillageField({ villages, value, error, onChange }: VillageFieldProps) {
  const index = villages.findIndex((v) => v.id === value);
  return (
    <Field label="所在村（社区）" error={error || null}>
      <Picker
        mode="selector"
        range={villages.map((v) => v.name)}
        value={Math.max(0, index)}
        onChange={(e) => onChange(villages[Number(e.detail.value)]?.id ?? '')}
      >
        <Text className={index >= 0 ? '' : 'muted'}>{index >= 0 ? villages[index]!.name : '请选择'}</Text>
      </Picker>
    </Field>
  );
}
