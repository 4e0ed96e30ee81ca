import { count } from './format';

/** A ranked list with a bar per item, scaled to the largest. */
export function Bars({ items }: { items: { key: string; label: string; value: number }[] }) {
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <ol class="bars">
      {items.map((item) => (
        <li key={item.key}>
          <span class="bar-label">{item.label}</span>
          <span class="num">{count(item.value)}</span>
          {/* Set through the CSSOM (element.style), which the CSP allows; no inline style attribute. */}
          <span class="bar" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${(item.value / max) * 100}%` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}
