/**
 * Step 1 — Dữ liệu: what was read. Sheets with their role and header rows, the column of every
 * field with how sure the match is (correctable), columns the workbook lacks and which criteria
 * they leave undecided, and how many data issues there are.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { columnLetter } from '../../domain/cells';
import type { SheetRole } from '../../domain/detect/fields';
import { useSession, useSessionState, useStrings } from '../context';
import type { FieldRow, SheetView } from '../session/data-view';
import { roleName } from '../strings';
import { useStepStyles } from '../styles';
import type { ReviewFilter } from './ReviewStep';
import { StepSection } from '../parts/StepSection';

const useStyles = makeStyles({
  sheetHeader: { display: 'flex', alignItems: 'center', gap: '6px', minWidth: 0, flexWrap: 'wrap' },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  panel: { display: 'flex', flexDirection: 'column', gap: '10px', paddingBottom: '12px' },
  field: { display: 'flex', flexDirection: 'column', gap: '2px' },
  fieldTop: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '6px' },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  fieldLabel: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  dropdown: { minWidth: 0, width: '100%' },
  criteria: { display: 'flex', flexWrap: 'wrap', gap: '4px', marginTop: '4px' },
});

const ROLES: SheetRole[] = ['units', 'initiatives', 'officials'];

function badgeColor(f: FieldRow): 'success' | 'informative' | 'warning' | 'danger' | 'brand' {
  switch (f.source) {
    case 'confirmed': return 'brand';
    case 'column': return f.confidence !== null && f.confidence >= 1 ? 'success' : f.confidence !== null && f.confidence >= 0.9 ? 'informative' : 'warning';
    case 'missing': return 'danger';
    default: return 'informative';
  }
}

function FieldMapping({ sheet, field, disabled }: { sheet: SheetView; field: FieldRow; disabled: boolean }) {
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { lang } = useSessionState();
  const labelId = useId();
  const options = [{ value: 'none', text: t.fieldNone }, ...sheet.columns.map((c) => ({ value: String(c.index), text: t.columnOption(columnLetter(c.index + 1), c.text) }))];
  const selected = field.column === null ? 'none' : String(field.column);
  const shown = options.find((o) => o.value === selected)?.text ?? t.fieldNone;
  return (
    <div className={s.field}>
      <div className={s.fieldTop}>
        <span id={labelId} className={s.fieldLabel}>
          {field.label[lang]}
        </span>
        <Badge appearance="tint" color={badgeColor(field)} size="small" className={s.badge} title={field.column !== null ? t.confidenceHint : undefined}>
          {field.source === 'column' || field.source === 'confirmed' ? t.confidence(field.confidence, field.source === 'confirmed') : t.fieldSource(field.source)}
        </Badge>
      </div>
      <Dropdown
        className={s.dropdown}
        size="small"
        aria-labelledby={labelId}
        value={shown}
        selectedOptions={[selected]}
        disabled={disabled}
        onOptionSelect={(_, d) => {
          if (d.optionValue === undefined || d.optionValue === selected) return;
          void session.setColumn(sheet.name, field.id, d.optionValue === 'none' ? null : Number(d.optionValue));
        }}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}

function RolePicker({ sheet, disabled }: { sheet: SheetView; disabled: boolean }) {
  const t = useStrings();
  const session = useSession();
  const { lang } = useSessionState();
  const current = sheet.skipReason === 'ignored' ? 'ignore' : sheet.roleOverridden && sheet.role ? sheet.role : 'auto';
  const label = (v: string) => (v === 'auto' ? `${t.roleAuto}${sheet.role && !sheet.roleOverridden ? ` (${roleName[lang][sheet.role]})` : ''}` : v === 'ignore' ? t.roleIgnore : roleName[lang][v as SheetRole]);
  const values = ['auto', ...ROLES, 'ignore'];
  return (
    <Field label={t.roleLabel} size="small">
      <Dropdown
        size="small"
        value={label(current)}
        selectedOptions={[current]}
        disabled={disabled}
        onOptionSelect={(_, d) => {
          const v = d.optionValue;
          if (!v || v === current) return;
          void session.setRole(sheet.name, v === 'auto' ? null : (v as SheetRole | 'ignore'));
        }}
      >
        {values.map((v) => (
          <Option key={v} value={v}>
            {label(v)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function SheetPanel({ sheet, disabled }: { sheet: SheetView; disabled: boolean }) {
  const s = useStyles();
  const st = useStepStyles();
  const t = useStrings();
  const session = useSession();
  const { settings } = useSessionState();
  const [showAll, setShowAll] = useState(false);
  const shown = sheet.fields.filter((f) => f.source !== 'unused');
  const others = sheet.fields.filter((f) => f.source === 'unused');
  const overridden = settings.overrides.some((o) => o.sheet === sheet.name);
  return (
    <div className={s.panel} data-sheet={sheet.name}>
      <RolePicker sheet={sheet} disabled={disabled} />
      {sheet.status === 'used' ? (
        <>
          <Text size={200} className={st.muted}>
            {t.headerRows(sheet.headerRows, sheet.dataStartRow)}
          </Text>
          {shown.map((f) => (
            <FieldMapping key={f.id} sheet={sheet} field={f} disabled={disabled} />
          ))}
          {others.length > 0 && (
            <Link as="button" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
              {showAll ? t.hideOtherFields : t.otherFields(others.length)}
            </Link>
          )}
          {showAll && others.map((f) => <FieldMapping key={f.id} sheet={sheet} field={f} disabled={disabled} />)}
        </>
      ) : (
        <Text size={200}>{t.skippedReason(sheet.skipReason ?? 'empty')}</Text>
      )}
      {overridden && (
        <Button size="small" disabled={disabled} onClick={() => void session.resetSheet(sheet.name)}>
          {t.resetSheet}
        </Button>
      )}
    </div>
  );
}

export function DataStep({ onOpenReview }: { onOpenReview: (f: ReviewFilter) => void }) {
  const s = useStyles();
  const st = useStepStyles();
  const t = useStrings();
  const { data, lang, busy } = useSessionState();
  if (!data) return null;
  const sources = data.sheets.filter((x) => x.status !== 'result');
  const results = data.sheets.filter((x) => x.status === 'result');
  const disabled = busy !== null;
  const firstUsed = sources.find((x) => x.status === 'used')?.name;
  return (
    <div className={st.step}>
      <StepSection id="data-read" title={t.dataTitle}>
        {data.recognised ? (
          <>
            <Text>{t.dataSummary(data.counts)}</Text>
            {data.issues.total > 0 ? (
              <Link as="button" onClick={() => onOpenReview({ category: 'data' })}>
                {t.issuesLink(data.issues.total)}
              </Link>
            ) : (
              <Text className={st.muted}>{t.noIssues}</Text>
            )}
          </>
        ) : (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.emptyTitle}</MessageBarTitle>
              {t.emptyBody}
            </MessageBarBody>
          </MessageBar>
        )}
      </StepSection>

      {data.missing.length > 0 && (
        <StepSection id="data-missing" title={t.missingTitle} intro={t.missingIntro}>
          <ul className={st.list}>
            {data.missing.map((m) => (
              <li key={m.id} className={st.card}>
                <Text weight="semibold">{m.label ? t.missingField(m.label[lang]) : t.missingRole(m.role)}</Text>
                {m.criteria.length > 0 && (
                  <div>
                    <Text size={200} className={st.muted}>
                      {t.missingCriteria}
                    </Text>
                    <div className={s.criteria}>
                      {m.criteria.map((c) => (
                        <Badge key={c.id} appearance="outline" color={c.unknown > 0 ? 'warning' : 'informative'} title={c.unknown > 0 ? t.unknownCount(c.unknown) : undefined}>
                          {c.unknown > 0 ? `${c.id} · ${t.unknownCount(c.unknown)}` : c.id}
                        </Badge>
                      ))}
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </StepSection>
      )}

      <StepSection id="data-sheets" title={t.sheetsTitle}>
        <Accordion multiple collapsible defaultOpenItems={firstUsed ? [firstUsed] : []}>
          {sources.map((sheet) => {
            const mapped = sheet.fields.filter((f) => f.column !== null).length;
            return (
              <AccordionItem key={sheet.name} value={sheet.name}>
                <AccordionHeader as="h3" size="small">
                  <span className={s.sheetHeader}>
                    <span className={s.sheetName}>{sheet.name}</span>
                    {sheet.status === 'used' && sheet.role ? (
                      <>
                        <Badge appearance="tint" color="brand" size="small">
                          {roleName[lang][sheet.role]}
                        </Badge>
                        <Text size={200} className={st.muted}>
                          {t.mappedCount(mapped, sheet.fields.length)}
                        </Text>
                      </>
                    ) : (
                      <Badge appearance="tint" color="subtle" size="small">
                        {t.notUsed}
                      </Badge>
                    )}
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <SheetPanel sheet={sheet} disabled={disabled} />
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
        {results.length > 0 && (
          <Text size={200} className={st.muted}>
            {t.resultSheets} {results.map((r) => r.name).join(', ')}
          </Text>
        )}
      </StepSection>
    </div>
  );
}
