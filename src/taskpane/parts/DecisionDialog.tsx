/** Asks for the reason, the reviewer's name and the award of a decision (Loại / Giữ / Chọn) before it is written. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, Option, Textarea, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DecisionKind } from '../../domain/engine/decisions';
import { useSession, useSessionState, useStrings } from '../context';
import { usePreference } from '../preferences';
import type { DecisionTarget } from '../session';

export interface DecisionRequest {
  kind: DecisionKind;
  subject: string;
  target: DecisionTarget;
  /** Preselected award (null = every award). */
  award: string | null;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '12px' },
  surface: { maxWidth: 'calc(100vw - 24px)' },
});

export function DecisionDialog({ request, onClose }: { request: DecisionRequest | null; onClose: () => void }) {
  const s = useStyles();
  const t = useStrings();
  const session = useSession();
  const { views, lang, busy } = useSessionState();
  const [reviewer, setReviewer] = usePreference('reviewer');
  const [name, setName] = useState(reviewer);
  const [reason, setReason] = useState('');
  const [award, setAward] = useState<string>('all');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!request) return;
    setName(reviewer);
    setReason('');
    setAward(request.award ?? 'all');
    setTried(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  if (!request) return null;
  const needsReason = request.kind !== 'pin';
  const reasonError = needsReason && reason.trim() === '' ? t.reasonRequired : undefined;
  const nameError = name.trim() === '' ? t.reviewerRequired : undefined;
  const awards = views?.awards ?? [];
  const awardText = (id: string) => (id === 'all' ? t.everyAward : t.awardOption(id, awards.find((a) => a.award === id)?.title[lang] ?? ''));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reasonError || nameError) return;
    setReviewer(name.trim());
    const chosen = request.kind === 'pin' ? request.award : award === 'all' ? null : award;
    onClose();
    await session.decide(request.target, { kind: request.kind, reason, reviewer: name, award: chosen });
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={s.surface}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t.decisionTitle(request.kind, request.subject)}</DialogTitle>
            <DialogContent className={s.content}>
              <Field label={t.reason} hint={t.reasonHint} required={needsReason} validationMessage={tried ? reasonError : undefined}>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
              </Field>
              <Field label={t.reviewerName} hint={t.reviewerHint} required validationMessage={tried ? nameError : undefined}>
                <Input value={name} onChange={(_, d) => setName(d.value)} />
              </Field>
              {request.kind !== 'pin' && (
                <Field label={t.appliesTo}>
                  <Dropdown value={awardText(award)} selectedOptions={[award]} onOptionSelect={(_, d) => d.optionValue && setAward(d.optionValue)}>
                    {['all', ...awards.map((a) => a.award)].map((id) => (
                      <Option key={id} value={id}>
                        {awardText(id)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t.cancel}
              </Button>
              <Button appearance="primary" type="submit" disabled={!!busy}>
                {t.save}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
