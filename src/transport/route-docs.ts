/** Route options every transport's routes share to be documented in the OpenAPI document (http/openapi.ts). */
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';

/**
 * For routes whose schemas document them while their handlers validate and answer:
 * Fastify neither validates (ajv would coerce "5" to 5, drop unknown fields and word its
 * own errors) nor serializes by schema (the answers stay exactly JSON.stringify's).
 */
export const DOCUMENTATION_ONLY: {
  validatorCompiler: FastifySchemaCompiler<unknown>;
  serializerCompiler: FastifySerializerCompiler<unknown>;
} = {
  validatorCompiler: () => () => true,
  serializerCompiler: () => (data) => JSON.stringify(data),
};
