/**
 * A stable sort for arrays that are nearly in order already: the matcher's candidates come from the scan by start, so
 * only the few that share a start are out of order, and a full sort of a page's candidates cost more than its rules.
 */

/** Insertion moves allowed per item before the rest is left to the engine's sort: input the matcher did not make. */
const MOVES_PER_ITEM = 4;

/** Sorts `items` in place by `compare`, keeping equal items in their order (as Array.prototype.sort does). */
export function sortNearlySorted<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  let budget = MOVES_PER_ITEM * items.length;
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    if (compare(items[j]!, item) <= 0) continue;
    // Insertion never passes an equal item, so what is sorted so far keeps equal items in their order, and the
    // engine's stable sort of the rest gives the same result as a sort of the whole.
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
      if (--budget < 0) {
        items[j + 1] = item;
        return items.sort(compare);
      }
    }
    items[j + 1] = item;
  }
  return items;
}
