import type { ReactNode } from 'react';

/** A list page's top: its title and a line of introduction, with the page's main action (or panel) beside them. */
export function PageHeader({ title, intro, children }: { title: string; intro: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        <p className="lead">{intro}</p>
      </div>
      {children}
    </div>
  );
}
