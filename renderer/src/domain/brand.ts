/**
 * A nominal type: a `T` that has passed the check named by `B`. Only the module that performs the
 * check should produce one (by casting after validating), so holding a `Brand` proves the check ran.
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };
