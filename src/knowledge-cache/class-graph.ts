/**
 * v8.serialize keeps data (objects, arrays, Maps, Sets, RegExps, shared references) but drops
 * prototypes, so a deserialized index has no methods. This records where instances of known
 * classes sit in the graph when a snapshot is written and puts their prototypes back on read.
 * An instance of a class it does not know makes the graph unsnapshottable (the caller then
 * loads normally), so a new class added to the index can never come back half-alive.
 */
type Step = string | number;
export type ClassMark = { path: Step[]; cls: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any constructor: only its prototype is used
export type ClassTable = Record<string, abstract new (...args: any[]) => unknown>;

export class UnsnapshottableError extends Error {}

export function markClasses(root: unknown, classes: ClassTable): ClassMark[] {
  const byPrototype = new Map<object, string>(Object.entries(classes).map(([name, cls]) => [cls.prototype as object, name]));
  const marks: ClassMark[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; path: Step[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop() as { value: unknown; path: Step[] };
    if (typeof value === 'function') throw new UnsnapshottableError(`function at ${path.join('.')}`);
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const proto = Object.getPrototypeOf(value) as object | null;
    // Typed arrays, RegExps and Dates come back from v8.deserialize as themselves.
    if (value instanceof RegExp || value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) continue;
    if (value instanceof Map) {
      // Map entries are addressed by position: insertion order survives serialization.
      [...value.values()].forEach((v, i) => stack.push({ value: v, path: [...path, `@map:${i}`] }));
      continue;
    }
    if (value instanceof Set) {
      [...value.values()].forEach((v, i) => stack.push({ value: v, path: [...path, `@set:${i}`] }));
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object' || typeof value[i] === 'function') stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    if (proto !== Object.prototype && proto !== null) {
      const cls = byPrototype.get(proto);
      if (!cls) throw new UnsnapshottableError(`instance of ${(proto.constructor as { name?: string } | undefined)?.name ?? 'an unknown class'} at ${path.join('.')}`);
      marks.push({ path, cls });
    }
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return marks;
}

export function restoreClasses(root: unknown, marks: ClassMark[], classes: ClassTable): void {
  for (const { path, cls } of marks) {
    const target = walk(root, path);
    const ctor = classes[cls];
    if (!ctor || typeof target !== 'object' || target === null) throw new UnsnapshottableError(`cannot restore ${cls} at ${path.join('.')}`);
    Object.setPrototypeOf(target, ctor.prototype as object);
  }
}

function walk(root: unknown, path: Step[]): unknown {
  let node = root;
  for (const step of path) {
    if (typeof step === 'string' && step.startsWith('@map:')) node = [...(node as Map<unknown, unknown>).values()][Number(step.slice(5))];
    else if (typeof step === 'string' && step.startsWith('@set:')) node = [...(node as Set<unknown>).values()][Number(step.slice(5))];
    else node = (node as Record<Step, unknown>)[step];
  }
  return node;
}
