/** What both stores answer when an insert finds its key taken, in the same words. */
import { ConflictError } from '../domain/errors';

export function eventExists(id: string): ConflictError {
  return new ConflictError(`event "${id}" already exists`, 'event.id');
}

export function tokenNameTaken(name: string): ConflictError {
  return new ConflictError(`a token named "${name}" exists already`, 'name');
}
