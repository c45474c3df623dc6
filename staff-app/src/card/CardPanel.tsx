import type { SyncClient } from '../../../client/sync-client.ts';
import { useSync } from '../../../client/use-sync.ts';
import type { CareRequest, OpBody } from '../../../core/index.ts';
import { DeliverForm } from './DeliverForm.tsx';
import { ReassignForm } from './ReassignForm.tsx';
import { CancelForm } from './CancelForm.tsx';
import { NoteForm } from './NoteForm.tsx';
import { VoucherForm } from './VoucherForm.tsx';
import { HistoryList } from './HistoryList.tsx';

export type Panel = 'deliver' | 'voucher' | 'reassign' | 'cancel' | 'note' | 'history';

interface Props {
  panel: Panel;
  request: CareRequest;
  client: SyncClient;
  me: string;
  now: number;
  onSubmit: (body: OpBody) => void;
  onDone: () => void;
}

/**
 * The open form of one card. It follows the whole state itself (stock, colleagues, limits), so
 * the closed cards, which are nearly all of them, do not re-render on every push.
 */
export function CardPanel({ panel, request: r, client, me, now, onSubmit, onDone }: Props) {
  const { state } = useSync(client);
  switch (panel) {
    case 'deliver':
      return <DeliverForm request={r} state={state} onSubmit={onSubmit} onDone={onDone} />;
    case 'reassign':
      return <ReassignForm request={r} state={state} me={me} onSubmit={onSubmit} onDone={onDone} />;
    case 'cancel':
      return <CancelForm request={r} onSubmit={onSubmit} onDone={onDone} />;
    case 'note':
      return <NoteForm request={r} onSubmit={onSubmit} onDone={onDone} />;
    case 'voucher':
      return <VoucherForm request={r} state={state} me={me} now={now} onSubmit={onSubmit} onDone={onDone} />;
    case 'history':
      return <HistoryList request={r} state={state} />;
  }
}
