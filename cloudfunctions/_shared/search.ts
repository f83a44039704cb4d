import { escapeRegExp } from '../../core/briefings';
import { db } from './cloud';

/** A query condition: the field contains `text` literally, ignoring case (its special characters escaped). */
export function containing(text: string): unknown {
  return db.RegExp({ regexp: escapeRegExp(text), options: 'i' });
}
