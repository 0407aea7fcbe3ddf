/**
 * A grading worker grades many submissions, one after another. What one submission could leave
 * behind for the next lives in the JavaScript built-ins every module shares (`Object.prototype`,
 * `Array.prototype`, `JSON`, the global object…). The worker freezes the prototypes once its modules
 * are loaded, and fingerprints all of them: after each submission the fingerprint is compared, and a
 * worker whose built-ins changed is replaced before it grades anyone else.
 */

/** The shared built-ins: each object's own properties (and prototype) are fingerprinted. */
function sharedBuiltIns(): object[] {
  const constructors = [
    Object,
    Function,
    Array,
    String,
    Number,
    Boolean,
    Symbol,
    BigInt,
    RegExp,
    Date,
    Error,
    TypeError,
    RangeError,
    SyntaxError,
    Promise,
    Map,
    Set,
    WeakMap,
    WeakSet,
    ArrayBuffer,
    Uint8Array,
    DataView,
  ];
  const prototypes = constructors.map((constructor) => constructor.prototype as object);
  const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
  return [
    globalThis,
    JSON,
    Math,
    Reflect,
    ...constructors,
    ...prototypes,
    iteratorPrototype,
    typedArrayPrototype,
  ];
}

/** Prototypes nobody needs to change: frozen, so changing them fails where it is tried. */
export function freezeBuiltInPrototypes(): void {
  for (const constructor of [
    Object,
    Function,
    Array,
    String,
    Number,
    Boolean,
    RegExp,
    Date,
    Promise,
    Map,
    Set,
  ]) {
    Object.freeze(constructor.prototype);
  }
  Object.freeze(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
}

export type Fingerprint = readonly unknown[];

/** Every own property of every shared built-in: key, value or accessors, attributes; and its prototype. */
export function fingerprintBuiltIns(): Fingerprint {
  const out: unknown[] = [];
  for (const target of sharedBuiltIns()) {
    out.push(target, Object.getPrototypeOf(target), Object.isExtensible(target));
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key)!;
      out.push(
        key,
        descriptor.value,
        descriptor.get,
        descriptor.set,
        descriptor.writable,
        descriptor.configurable,
      );
    }
  }
  return out;
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
