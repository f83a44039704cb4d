/** The members domain: its contract (inputs, outputs, labels, error codes) and pure rules (claim codes, phones). */
export * from './contract';
export * from './claim-code';
export * from './phone';
export * from './imports';
export * from './roster';
