/** The agenda domain: its contract (inputs, outputs, labels, error codes), pure rules and policy. */
export * from './contract';
export * from './labels';
export * from './views';
export * from './rules';
export * from './policy';
