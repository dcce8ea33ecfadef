import type { Scope as DomainScope } from '../../domain/access';
import type {
  MutationResolvers,
  QueryResolvers,
  Scope,
  TokenResolvers,
  ViewerResolvers,
} from '../__generated__/resolvers';

// GraphQL enum values are upper case; the domain's scopes are the words of SPEC §7.
const toGraphQL = (scopes: readonly DomainScope[]): Scope[] => scopes.map((scope) => scope.toUpperCase() as Scope);
const fromGraphQL = (scopes: readonly Scope[]): DomainScope[] =>
  scopes.map((scope) => scope.toLowerCase() as DomainScope);

export const accessQueries: Pick<QueryResolvers, 'viewer' | 'tokens'> = {
  viewer: (_, __, { actor }) => actor,
  tokens: (_, __, { tokens, actor }) => tokens.list(actor),
};

export const accessMutations: Pick<MutationResolvers, 'createToken' | 'revokeToken'> = {
  createToken: (_, { name, scopes, namespace }, { tokens, actor }) =>
    tokens.create(actor, { name, scopes: fromGraphQL(scopes), namespace }),
  revokeToken: (_, { name }, { tokens, actor }) => tokens.revoke(actor, name),
};

export const Viewer: ViewerResolvers = {
  scopes: (actor) => toGraphQL(actor.scopes),
};

export const Token: TokenResolvers = {
  scopes: (token) => toGraphQL(token.scopes),
};
