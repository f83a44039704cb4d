/** The dividends domain: its contract (inputs, outputs, labels, error codes), pure rules and policy. */
export * from './contract';
export * from './rules';
export { decimal } from './exact';
export * from './views';
export * from './policy';
