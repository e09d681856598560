/** "Remove …" under one row of a repeated group (a participant, a statement, an outcome). */
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--link" onClick={onClick}>
      {label}
    </button>
  );
}

/** "Add …" after a repeated group; the id lets the error summary and the focus after a removal find it. */
export function AddRowButton({ id, label, onClick }: { id?: string; label: string; onClick: () => void }) {
  return (
    <button type="button" id={id} className="button button--secondary" onClick={onClick}>
      {label}
    </button>
  );
}
