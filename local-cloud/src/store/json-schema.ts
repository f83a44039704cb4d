import Ajv from 'ajv';
import { isPlainObject } from '../values';

/**
 * `$jsonSchema` (`db.command.jsonSchema`) with MongoDB's dialect: JSON Schema draft 4 keywords plus
 * `bsonType`. Compiled schemas are cached, since a query is often repeated.
 */
const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });

const BSON_TYPES: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number',
  int: (v) => Number.isInteger(v),
  long: (v) => Number.isInteger(v),
  decimal: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp,
};

ajv.addKeyword({
  keyword: 'bsonType',
  schemaType: ['string', 'array'],
  validate: (schema: string | string[], data: unknown) =>
    (Array.isArray(schema) ? schema : [schema]).some((t) => BSON_TYPES[t]?.(data) ?? false),
});

const cache = new Map<string, (doc: unknown) => boolean>();

export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: unknown) => boolean {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    const compiled = ajv.compile(schema);
    validate = (doc: unknown) => compiled(doc) === true;
    if (cache.size > 500) cache.clear();
    cache.set(key, validate);
  }
  return validate;
}
