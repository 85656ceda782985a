/** Rule set (preset or own JSON) and the parameters the guidance leaves open, each beside its wording. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Dropdown, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, SpinButton, Switch, Text, makeStyles } from '@fluentui/react-components';
import { useRef } from 'react';
import { PRESETS } from '../../../domain/rules/presets';
import type { ParamDef, ParamValue } from '../../../domain/rules/types';
import { useSession, useSessionState, useStrings } from '../../context';
import { DocumentArrowUpRegular } from '../../icons';
import { useStepStyles } from '../../styles';

const useStyles = makeStyles({
  hidden: { display: 'none' },
  seed: { fontStyle: 'italic' },
});

/** A chosen file's text (FileReader where Blob.text is missing, as in older web views). */
function readText(f: File): Promise<string> {
  if (typeof f.text === 'function') return f.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error);
    r.readAsText(f);
  });
}

export function RulesSection() {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { rules, settings, rulesErrors, lang, busy } = useSessionState();
  const file = useRef<HTMLInputElement>(null);
  const custom = 'custom' in settings.rules;
  const current = custom ? 'custom' : rules.id;
  const label = (id: string) => (id === 'custom' ? t.customRules(rules.title[lang]) : PRESETS[id]!.title[lang]);
  return (
    <section className={st.section} aria-labelledby="rules-title">
      <h2 id="rules-title" className={st.heading}>
        {t.rulesTitle}
      </h2>
      <Field label={t.rulesLabel}>
        <Dropdown
          value={label(current)}
          selectedOptions={[current]}
          disabled={!!busy}
          onOptionSelect={(_, d) => d.optionValue && d.optionValue !== current && d.optionValue !== 'custom' && void session.choosePreset(d.optionValue)}
        >
          {Object.keys(PRESETS).map((id) => (
            <Option key={id} value={id}>
              {label(id)}
            </Option>
          ))}
          {custom && <Option value="custom">{label('custom')}</Option>}
        </Dropdown>
      </Field>
      <div>
        <Button size="small" icon={<DocumentArrowUpRegular />} disabled={!!busy} onClick={() => file.current?.click()}>
          {t.loadRules}
        </Button>
        <input
          ref={file}
          className={s.hidden}
          type="file"
          accept=".json,application/json"
          aria-label={t.loadRules}
          aria-hidden
          tabIndex={-1}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) await session.loadCustomRules(await readText(f));
          }}
        />
      </div>
      {rulesErrors && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.rulesRefused}</MessageBarTitle>
            <ul>
              {rulesErrors.slice(0, 8).map((e, i) => (
                <li key={i}>{e[lang]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function ParamControl({ name, def, value }: { name: string; def: ParamDef; value: ParamValue }) {
  const t = useStrings();
  const session = useSession();
  const { busy } = useSessionState();
  const set = (v: ParamValue) => v !== value && void session.setParam(name, v);
  switch (def.type) {
    case 'number':
      return (
        <SpinButton
          value={typeof value === 'number' ? value : Number(value)}
          min={0}
          disabled={!!busy}
          onChange={(_, d) => {
            const v = d.value ?? (d.displayValue !== undefined ? Number(d.displayValue) : NaN);
            if (Number.isFinite(v) && v >= 0) set(Math.round(v as number));
          }}
        />
      );
    case 'date':
      return <Input type="date" value={String(value)} disabled={!!busy} onChange={(_, d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value) && set(d.value)} />;
    case 'boolean':
      return <Switch checked={value === true} disabled={!!busy} label={value === true ? t.yes : t.no} onChange={(_, d) => set(d.checked)} />;
    case 'choice':
      return (
        <Dropdown value={t.cmpChoice(String(value))} selectedOptions={[String(value)]} disabled={!!busy} onOptionSelect={(_, d) => d.optionValue && set(d.optionValue)}>
          {(def.choices ?? []).map((c) => (
            <Option key={c} value={c} text={t.cmpChoice(c)}>
              {`${c}  ${t.cmpChoice(c)}`}
            </Option>
          ))}
        </Dropdown>
      );
  }
}

function defaultText(def: ParamDef, t: ReturnType<typeof useStrings>): string {
  if (def.type === 'boolean') return def.value ? t.yes : t.no;
  if (def.type === 'choice') return t.cmpChoice(String(def.value));
  if (def.type === 'date') return String(def.value).split('-').reverse().join('/');
  return String(def.value);
}

export function ParamsSection() {
  const st = useStepStyles();
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { rules, settings, lang, busy } = useSessionState();
  const changed = Object.keys(settings.params).filter((k) => k in rules.params).length;
  return (
    <Accordion collapsible>
      <AccordionItem value="params">
        <AccordionHeader as="h2" size="small">
          <Text weight="semibold">
            {t.paramsTitle}
            {changed ? ` (${changed})` : ''}
          </Text>
        </AccordionHeader>
        <AccordionPanel>
          <div className={st.section}>
            <Text size={200} className={st.muted}>
              {t.paramsIntro}
            </Text>
            {Object.entries(rules.params).map(([name, def]) => {
              const value = settings.params[name] !== undefined && typeof settings.params[name] === typeof def.value ? settings.params[name]! : def.value;
              return (
                <Field
                  key={name}
                  label={def.label[lang]}
                  hint={
                    <>
                      {t.seed} <span className={s.seed}>«{def.seed[lang]}»</span>. {t.paramDefault(defaultText(def, t))}.
                    </>
                  }
                >
                  <ParamControl name={name} def={def} value={value} />
                </Field>
              );
            })}
            {changed > 0 && (
              <div>
                <Button size="small" disabled={!!busy} onClick={() => void session.resetParams()}>
                  {t.resetParams}
                </Button>
              </div>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

