/**
 * How the desk's data key is protected on this machine: by the OS key store (DPAPI, Keychain, libsecret,
 * KWallet), or, on a Linux without one (`basic_text`), only by a fixed password anyone can look up.
 */
export const keyProtections = ['osKeyStore', 'fixedPassword'] as const;
export type KeyProtection = (typeof keyProtections)[number];

/**
 * Why the main process has no key to hand out: the OS offers no encryption at all, the stored key cannot
 * be unwrapped (damaged, another OS account), or it was wrapped by a key store this session does not use.
 */
export const dataKeyProblems = ['noEncryption', 'unreadable', 'keyStoreChanged'] as const;
export type DataKeyProblem = (typeof dataKeyProblems)[number];

/** Length of the desk's data key in bytes (the HKDF input both working keys are derived from). */
export const dataKeyLength = 32;
