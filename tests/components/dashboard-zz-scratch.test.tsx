import { it } from 'vitest';
async function api(path: string) {
  const r = await fetch(new URL(`/api${path}`, window.location.origin), { headers: { 'x-mitra-user': 'usr-rina' } });
  return r.json();
}
it('dump', async () => {
  const p = 'from=2025-01-01&to=2025-12-31';
  for (const e of ['kpis', 'follow-ups-by-sector', 'meetings-by-quarter', 'partnerships-by-stage', 'overdue-by-sector', 'overdue-by-owner', 'completion-by-month', 'health']) {
    console.log(e, JSON.stringify(await api(`/stats/${e}?${p}`)));
  }
  console.log(JSON.stringify(await api('/partnerships?limit=100')).slice(0, 3000));
  console.log(JSON.stringify(await api('/sectors?limit=100')));
  console.log(JSON.stringify(await api(`/stats/kpis?${p}&sectorId=education`)));
});
