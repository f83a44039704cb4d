/** The notices domain: its contract (inputs, outputs, labels, error codes), pure rules and policy. */
export * from './contract';
export * from './rules';
export * from './policy';
