/**
 * The typed operations tests share: the client package's own documents (typed by codegen),
 * so a test sends what a bot sends. A test that must send something codegen would refuse
 * writes it as text (TestEts.gql's untyped form).
 */
export { CreateEventMutation, CreateTokenMutation, EventQuery } from '../../packages/client/src/operations';
export type { EventInput } from 'ets-client';
