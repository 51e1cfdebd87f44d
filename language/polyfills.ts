// Chevrotain 13 calls Object.groupBy (ES2024, Node 21+); the project supports Node 20.
// Imported first by every module that builds a Chevrotain parser or lexer.
type GroupBy = <T, K extends PropertyKey>(items: Iterable<T>, key: (item: T, index: number) => K) => Partial<Record<K, T[]>>;

const objectWithGroupBy = Object as unknown as { groupBy?: GroupBy };
if (typeof objectWithGroupBy.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value: function groupBy<T, K extends PropertyKey>(items: Iterable<T>, key: (item: T, index: number) => K) {
      const groups = Object.create(null) as Record<K, T[]>;
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        (groups[k] ??= []).push(item);
      }
      return groups;
    },
  });
}
export {};
