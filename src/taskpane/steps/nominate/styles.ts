/** Styles shared by the Nominate step's parts. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useStyles = makeStyles({
  awardHeader: { display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap', minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: '6px', paddingBottom: '12px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, marginBottom: '8px' },
  groupHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '8px' },
  candidate: { display: 'flex', gap: '8px', alignItems: 'flex-start' },
  rank: { minWidth: '22px', textAlign: 'right', color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums', paddingTop: '1px' },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '2px', marginLeft: '-6px' },
  reserve: { color: tokens.colorNeutralForeground2 },
  excluded: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  subtitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: '4px 0 0' },
  pinned: { color: tokens.colorBrandForeground1 },
});
