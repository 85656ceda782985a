/** Placeholder until the real pane lands: proves the React + Fluent path renders. */
import { Text } from '@fluentui/react-components';

export function App() {
  return (
    <main style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h1" size={500} weight="semibold">
        Bình xét
      </Text>
      <Text as="p">Đang chuẩn bị… (Getting ready…)</Text>
    </main>
  );
}
