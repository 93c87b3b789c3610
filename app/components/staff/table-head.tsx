/** The header row of a staff table: one column heading each, in the staff tables' style. */
export function TableHead({ columns, cellClassName = "px-3 py-2" }: { columns: string[]; cellClassName?: string }) {
  return (
    <thead className="bg-paper text-xs uppercase tracking-wide text-muted">
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className={cellClassName}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
