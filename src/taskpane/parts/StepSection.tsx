/** A titled section of a step, with an optional short explanation under the title. */
import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStepStyles } from '../styles';

export function StepSection({ id, title, intro, children }: { id: string; title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  const st = useStepStyles();
  return (
    <section className={st.section} aria-labelledby={id}>
      <h2 id={id} className={st.heading}>
        {title}
      </h2>
      {intro !== undefined && (
        <Text size={200} className={st.muted}>
          {intro}
        </Text>
      )}
      {children}
    </section>
  );
}
