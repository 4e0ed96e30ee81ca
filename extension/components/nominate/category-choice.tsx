import type { Category } from '@customer-chair/shared/schemas/recognition-round';

type Props = { categories: Category[]; value: string; onChange: (categoryId: string) => void; error?: string };

/** The round's categories, each with its criteria and the evidence that counts, to choose one. */
export function CategoryChoice({ categories, value, onChange, error }: Props) {
  return (
    <fieldset class={error ? 'categories invalid' : 'categories'}>
      <legend>Category</legend>
      {categories.map((category) => (
        <div key={category.id} class={category.id === value ? 'category chosen' : 'category'}>
          <label class="category-name">
            <input type="radio" name="category" value={category.id} checked={category.id === value} onChange={() => onChange(category.id)} />
            {category.name}
          </label>
          <p class="category-description">{category.description}</p>
          <details>
            <summary>
              {category.criteria.length} {category.criteria.length === 1 ? 'criterion' : 'criteria'} and the evidence that counts
            </summary>
            <ul class="criteria">
              {category.criteria.map((criterion) => (
                <li key={criterion.id}>
                  <strong>{criterion.name}</strong> <span class="weight">weight {criterion.weight}</span>
                  <br />
                  <span class="evidence-label">Evidence:</span> {criterion.evidence}
                </li>
              ))}
            </ul>
          </details>
        </div>
      ))}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}
