
/** One headline figure with what it means. */
export function Kpi({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div class="kpi">
      <span class="kpi-label">{label}</span>
      <span class="kpi-value">{value}</span>
      <span class="kpi-detail">{detail}</span>
    </div>
  );
}
