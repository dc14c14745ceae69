/**
 * Disjoint sets over 0..size-1, for grouping figures transitively in
 * near-linear time instead of comparing every pair.
 */
export class UnionFind {
  private readonly parent: number[];
  private readonly size: number[];

  constructor(count: number) {
    this.parent = Array.from({ length: count }, (_, i) => i);
    this.size = new Array<number>(count).fill(1);
  }

  find(item: number): number {
    let root = item;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    // Path compression keeps later finds on long chains cheap.
    let node = item;
    while (node !== root) {
      const next = this.parent[node] as number;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  /** How many items share the set of `item`. */
  sizeOf(item: number): number {
    return this.size[this.find(item)] as number;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    // The smaller tree goes under the larger so trees stay shallow.
    if ((this.size[rootA] as number) < (this.size[rootB] as number)) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = (this.size[rootA] as number) + (this.size[rootB] as number);
  }
}
