import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import {
  BASIS_LABELS,
  DISTRIBUTION_STATUS_LABELS,
  LEGAL_FORM_LABELS,
  SHARE_CLASSES,
  SHARE_CLASS_LABELS,
  yuan,
  type DistributionSummary,
  type HouseholdView,
  type LegalForm,
} from '@core/dividends';
import { isZeroShares, percentOf, trimZeros } from '../../dividends';
import './index.css';

/** A bar's width: at least a sliver, so a small part is still seen. */
const width = (pct: string) => `${Math.min(100, Math.max(1, Number(pct)))}%`;

function Bar({
  label,
  fen,
  pct,
  note,
  kind,
}: {
  label: string;
  fen: number;
  pct: string;
  note: string;
  kind: string;
}) {
  return (
    <View className="bar" data-testid={`bar-${kind}`}>
      <View className="bar__head">
        <Text className="bar__label">{label}</Text>
        <Text className="bar__value">
          {yuan(fen)} 元 · {note}
        </Text>
      </View>
      <View className="bar__track">
        <View className={`bar__fill bar__fill--${kind}`} style={{ width: width(pct) }} />
      </View>
    </View>
  );
}

/**
 * How the profit was split, as plain horizontal bars (no chart library): 运营保障, 村集体 and 股民分红 with their
 * amounts and shares of the profit, and — given a household's line — that household's part of the members' pool.
 */
export function PoolBars({ summary, line }: { summary: DistributionSummary; line?: HouseholdView | null }) {
  const { pools, profitFen } = summary;
  if (!pools) return null;
  const pct = (fen: number) => percentOf(fen, profitFen);
  return (
    <View className="bars" data-testid="pool-bars">
      <Text className="bars__title">可分配盈余 {yuan(profitFen)} 元，这样分：</Text>
      <Bar
        label="运营保障"
        kind="reserve"
        fen={pools.reserveFen}
        pct={pct(pools.reserveFen)}
        note={`${pct(pools.reserveFen)}%`}
      />
      <Bar
        label="村集体"
        kind="collective"
        fen={pools.collectiveFen}
        pct={pct(pools.collectiveFen)}
        note={`${pct(pools.collectiveFen)}%`}
      />
      <Bar
        label="股民分红"
        kind="members"
        fen={pools.membersFen}
        pct={pct(pools.membersFen)}
        note={`${pct(pools.membersFen)}%`}
      />
      {summary.basis === 'transactions' && (
        <Text className="muted bars__note">
          股民分红中，按交易量返还 {yuan(pools.byVolumeFen)} 元，按股份分配 {yuan(pools.bySharesFen)} 元。
        </Text>
      )}
      {line && (
        <Bar
          label="您家"
          kind="mine"
          fen={line.amountFen}
          pct={percentOf(line.amountFen, pools.membersFen)}
          note={`占股民分红 ${percentOf(line.amountFen, pools.membersFen)}%`}
        />
      )}
    </View>
  );
}

/** The basis the law gives the cooperative's legal form, in one line (always shown beside an amount). */
export function BasisText({ legalForm, summary }: { legalForm: LegalForm; summary: DistributionSummary }) {
  return (
    <Text className="dividend__basis" data-testid="basis">
      分配办法：{LEGAL_FORM_LABELS[legalForm]}，{BASIS_LABELS[summary.basis]}
    </Text>
  );
}

/** 第2版 · 更正原因：…, and 已更正 on a version a newer one replaced. */
export function VersionNotes({ summary }: { summary: DistributionSummary }) {
  return (
    <>
      {summary.version > 1 && summary.reason && (
        <Text className="dividend__correction" data-testid="correction">
          第{summary.version}版 · 更正原因：{summary.reason}
        </Text>
      )}
      {summary.supersededBy && (
        <Text className="dividend__superseded-note" data-testid="superseded">
          这一版已更正，以新的一版为准
        </Text>
      )}
    </>
  );
}

/** Status, version and 已更正 as tags. */
export function DistributionTags({ summary }: { summary: DistributionSummary }) {
  return (
    <View className="dividend__tags">
      {summary.supersededBy ? (
        <Text className="tag tag--grey">已更正</Text>
      ) : (
        <Text className={`tag${summary.status === 'published' ? ' tag--ok' : ''}`}>
          {DISTRIBUTION_STATUS_LABELS[summary.status]}
        </Text>
      )}
      <Text className="tag tag--grey">第{summary.version}版</Text>
    </View>
  );
}

/**
 * One household's dividend, explained so that every fen can be checked: the amount in large type, how the
 * profit was split, the household's shares by class and weighted, the rate per share (explanation only), the
 * fen the rounding added, the formula in words, and the basis the law gives the cooperative.
 */
export default function DividendLine({
  title,
  summary,
  legalForm,
  line,
  children,
}: {
  title: string;
  summary: DistributionSummary;
  legalForm: LegalForm;
  line: HouseholdView;
  children?: ReactNode;
}) {
  const superseded = !!summary.supersededBy;
  const classes = SHARE_CLASSES.filter((c) => !isZeroShares(line.shares[c]));
  const adjustment = line.byShares.adjustmentFen + (line.byVolume?.adjustmentFen ?? 0);
  return (
    <View className={`card dividend${superseded ? ' dividend--superseded' : ''}`} data-testid="dividend">
      <Text className="card__title">{title}</Text>
      <DistributionTags summary={summary} />
      <VersionNotes summary={summary} />
      <Text className="muted">
        {line.household} · {line.name}
      </Text>
      <Text className="dividend__amount" data-testid="amount">
        {yuan(line.amountFen)}
        <Text className="dividend__unit"> 元</Text>
      </Text>
      <BasisText legalForm={legalForm} summary={summary} />

      <PoolBars summary={summary} line={line} />

      <View className="facts" data-testid="facts">
        <Text data-testid="shares">
          入股：
          {classes.length === 0
            ? '没有股份'
            : classes.map((c) => `${SHARE_CLASS_LABELS[c]} ${trimZeros(line.shares[c])} 股`).join('，')}
        </Text>
        <Text>
          折合股数：{trimZeros(line.weightedShares)} 股
          {summary.totalWeightedShares ? `（全社 ${trimZeros(summary.totalWeightedShares)} 股）` : ''}
        </Text>
        {summary.ratePerShare && (
          <Text data-testid="rate">每股分红约 {summary.ratePerShare} 元/股（仅供说明，以实际金额为准）</Text>
        )}
        {line.byVolume && (
          <Text>
            本户交易额 {yuan(line.volumeFen)} 元：按交易量返还 {yuan(line.byVolume.fen)} 元，按股份分配{' '}
            {yuan(line.byShares.fen)} 元
          </Text>
        )}
        {adjustment > 0 && <Text data-testid="adjustment">取整到分：按最大余数法补 {adjustment} 分</Text>}
      </View>

      <View className="dividend__formula" data-testid="formula">
        <Text className="dividend__formula-title">怎么算的</Text>
        {line.formula.split('；').map((step) => (
          <Text key={step} className="dividend__formula-step">
            {step}
          </Text>
        ))}
      </View>
      {children}
    </View>
  );
}
