/** Met / not met / unknown as an icon with a text alternative (never colour alone). */
import { makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import type { Result } from '../../domain/engine/verdict';
import { CheckmarkCircleFilled, DismissCircleFilled, QuestionCircleFilled } from '../icons';

const useStyles = makeStyles({
  met: { color: tokens.colorPaletteGreenForeground1 },
  not_met: { color: tokens.colorPaletteRedForeground1 },
  unknown: { color: tokens.colorPaletteDarkOrangeForeground1 },
  icon: { fontSize: '16px', flexShrink: 0, verticalAlign: 'middle' },
});

export function VerdictIcon({ result, label }: { result: Result; label?: string }) {
  const s = useStyles();
  const Icon = result === 'met' ? CheckmarkCircleFilled : result === 'not_met' ? DismissCircleFilled : QuestionCircleFilled;
  return <Icon className={mergeClasses(s.icon, s[result])} aria-label={label} aria-hidden={label ? undefined : true} role={label ? 'img' : undefined} />;
}

export function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, backgroundColor: color, border: `1px solid ${tokens.colorNeutralStroke1}`, flexShrink: 0, verticalAlign: 'middle' }}
    />
  );
}
