/**
 * Limits on what one GraphQL operation may ask for, over HTTP and graphql-ws alike: tokens
 * (graphql-js' parser stops past them), selection depth, aliases and directives
 * (graphql-armor's validation rules), and cost, an estimate of the objects the answer may
 * hold, measured here with the operation's variables so that a page size sent as a variable
 * counts at its value. Introspection is free, so tools keep working.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  GraphQLList,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../domain/query';

export interface QueryLimits {
  depth: number;
  cost: number;
  aliases: number;
  /** The largest page: what a page size that is no number may be. */
  pageSize: number;
  /** Directives in one operation. */
  directives?: number;
  /** Tokens in one document, counted by the parser before anything else reads it. */
  tokens?: number;
}

/** Far above any document of the UI, the CLI or GraphiQL (introspection is under 200). */
export const DEFAULT_TOKEN_LIMIT = 10_000;
/** graphql-armor's own default: far above any real operation. */
export const DEFAULT_DIRECTIVE_LIMIT = 50;

type Variables = Readonly<Record<string, unknown>>;

/** One operation as a client sends it. */
export interface OperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Variables | null;
}

export interface QueryLimiter {
  /** For graphql-js' parse: the token limit. */
  readonly parseOptions: ParseOptions;
  /** The limits the document alone decides (Apollo checks each document once): depth, aliases, directives. */
  readonly validationRules: readonly ValidationRule[];
  /** The cost limit, checked over HTTP once the operation and its variables are known. */
  readonly apolloPlugin: ApolloServerPlugin;
  /**
   * Parses, validates (graphql-js' rules and these limits) and costs one operation, as
   * graphql-ws' onSubscribe may: what to run it with, or why not.
   */
  prepare(schema: GraphQLSchema, request: OperationRequest): ExecutionArgs | readonly GraphQLError[];
  /** The cost limit's error for one operation run with these variables, if it is over. */
  costError(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Variables,
  ): GraphQLError | undefined;
}

/** A list field without a size argument is assumed to hold this many items. */
const ASSUMED_LIST_SIZE = 10;
/** Fields whose size argument says how many items they hold. */
const SIZE_ARGUMENTS = ['first', 'limit', 'last'];
/**
 * eventTree is capped at LIMITS.treeNodes events in all by the server, so the nesting of
 * its children does not multiply.
 */
const UNMULTIPLIED_LISTS = new Set(['EventNode.children']);

/**
 * Selections one operation may make the measure visit: far above any real query, far below
 * what would hold the event loop. Each fragment is measured once however often it is
 * spread, so the work is bounded by the document's size; this bounds it whatever the shape.
 */
const MEASURE_BUDGET = 20_000;

class MeasureTooLarge extends Error {}

/** Measures the cost of one operation's selection sets, remembering each fragment's cost. */
class Measurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, number>();
  private readonly inProgress = new Set<string>();
  private visited = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly operation: OperationDefinitionNode,
    private readonly variables: Variables,
    private readonly pageSize: number,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  measure(selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (++this.visited > MEASURE_BUDGET) throw new MeasureTooLarge();
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
        const field = fields[selection.name.value];
        if (!field) continue; // reported by graphql-js' own rules
        const size = this.listSize(parent, field, selection);
        const type = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(type)) {
          cost += size * (1 + this.measure(selection.selectionSet, type));
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? this.schema.getType(typeName) : parent;
        if (type && isCompositeType(type)) cost += this.measure(selection.selectionSet, type);
      } else {
        cost += this.fragment(selection.name.value) ?? 0;
      }
    }
    return cost;
  }

  /** A named fragment's cost, measured once; nothing for a cycle (graphql-js reports those). */
  private fragment(name: string): number | undefined {
    const known = this.measured.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.inProgress.has(name)) return undefined;
    const type = this.schema.getType(fragment.typeCondition.name.value);
    if (!type || !isCompositeType(type)) return undefined;
    this.inProgress.add(name);
    const cost = this.measure(fragment.selectionSet, type);
    this.inProgress.delete(name);
    this.measured.set(name, cost);
    return cost;
  }

  private listSize(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    const sizes = field.args.filter((arg) => SIZE_ARGUMENTS.includes(arg.name));
    if (sizes.length > 0) {
      // The sizes given (a connection takes first or last; both: the larger counts), else
      // the first size argument's default.
      const given = sizes.flatMap((arg) => {
        const value = node.arguments?.find((argument) => argument.name.value === arg.name)?.value;
        const size = value && this.givenSize(value);
        if (size === undefined) return [];
        // A negative size never runs (the resolver refuses it, naming the argument): it
        // costs nothing here, and cannot lower the cost of anything beside it.
        return [Math.max(size, 0)];
      });
      if (given.length > 0) return Math.max(...given);
      const defaultValue = sizes[0]?.defaultValue;
      if (typeof defaultValue === 'number') return defaultValue;
      // A connection given neither first nor last answers its default page.
      return getNamedType(field.type).name.endsWith('Connection')
        ? Math.min(DEFAULT_PAGE_SIZE, this.pageSize)
        : this.pageSize;
    }
    if (UNMULTIPLIED_LISTS.has(`${parent.name}.${field.name}`)) return 1;
    // A connection's page size was counted at the field that took `first`.
    if (parent.name.endsWith('Connection')) return 1;
    return getNullableType(field.type) instanceof GraphQLList ? ASSUMED_LIST_SIZE : 1;
  }

  /**
   * A size argument as the operation runs it: a number, a variable's value, else its
   * default; undefined when none is given (or null), so the field's default applies.
   */
  private givenSize(value: ValueNode): number | undefined {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.NULL) return undefined;
    if (value.kind !== Kind.VARIABLE) return this.pageSize;
    const name = value.name.value;
    if (Object.hasOwn(this.variables, name)) {
      const given = this.variables[name];
      if (given === null || given === undefined) return undefined;
      // Anything but an integer fails to coerce before the operation runs; the largest page is safe.
      return typeof given === 'number' && Number.isInteger(given) ? given : this.pageSize;
    }
    const definition = this.operation.variableDefinitions?.find((v) => v.variable.name.value === name);
    return definition?.defaultValue ? this.givenSize(definition.defaultValue) : undefined;
  }
}

/** The error of one limit: what was measured and its value, the limit, and the setting that sets it. */
function limitError(
  what: string,
  value: number | undefined,
  limit: number,
  setting: string | undefined,
  hint: string,
): GraphQLError {
  const measured = value === undefined ? what : `${what} ${value}`;
  const named = setting ? ` (${setting})` : '';
  return new GraphQLError(`${measured} is over the limit of ${limit}${named}; ${hint}`, {
    extensions: setting ? { code: 'QUERY_TOO_COMPLEX', limit: setting } : { code: 'QUERY_TOO_COMPLEX' },
  });
}

/**
 * One of graphql-armor's rules, its refusal reported in our words. Its message is
 * "... limit of N exceeded, found M."; the value is read from it.
 */
function armorRule(
  rule: (options: {
    n: number;
    propagateOnRejection: boolean;
    onReject: ((context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) => void)[];
  }) => ValidationRule,
  limit: number,
  error: (found: number | undefined) => GraphQLError,
): ValidationRule {
  return rule({
    n: limit,
    // Reported, not thrown: a throw would escape graphql-js' validate.
    propagateOnRejection: false,
    onReject: [
      (context, refusal) => {
        const found = /found (\d+)/.exec(refusal.message)?.[1];
        context?.reportError(error(found === undefined ? undefined : Number(found)));
      },
    ],
  });
}

/** Over HTTP a refusal reads as the validation failure it is, like those of the rules (Apollo gives them this code). */
function asValidationFailure(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

export function createQueryLimiter(limits: QueryLimits): QueryLimiter {
  const parseOptions: ParseOptions = { maxTokens: limits.tokens ?? DEFAULT_TOKEN_LIMIT };
  const directives = limits.directives ?? DEFAULT_DIRECTIVE_LIMIT;
  const validationRules: ValidationRule[] = [
    armorRule(
      (options) => maxDepthRule({ ...options, ignoreIntrospection: true, flattenFragments: true }),
      limits.depth,
      (found) => limitError('the query depth', found, limits.depth, 'ETS_MAX_QUERY_DEPTH', 'nest fewer selections'),
    ),
    armorRule(
      // Every alias counts, __typename's too.
      (options) => maxAliasesRule({ ...options, allowList: [] }),
      limits.aliases,
      (found) =>
        limitError('the number of aliases', found, limits.aliases, 'ETS_MAX_ALIASES', 'send fewer aliased fields'),
    ),
    armorRule(maxDirectivesRule, directives, (found) =>
      limitError('the number of directives', found, directives, undefined, 'send fewer directives'),
    ),
  ];
  const rules = [...specifiedRules, ...validationRules];

  const costError: QueryLimiter['costError'] = (schema, document, operation, variables) => {
    const root =
      operation.operation === 'query'
        ? schema.getQueryType()
        : operation.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) return undefined;
    let cost: number;
    try {
      cost = new Measurer(schema, document, operation, variables, limits.pageSize).measure(
        operation.selectionSet,
        root,
      );
    } catch (error) {
      if (!(error instanceof MeasureTooLarge)) throw error;
      return new GraphQLError(
        `the query has over ${MEASURE_BUDGET} selections once its fragments are spread (ETS_MAX_QUERY_COST); send a smaller document`,
        { extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'ETS_MAX_QUERY_COST' } },
      );
    }
    if (cost <= limits.cost) return undefined;
    return limitError(
      'the query cost (objects it may return)',
      cost,
      limits.cost,
      'ETS_MAX_QUERY_COST',
      'ask for smaller pages or fewer nested lists',
    );
  };

  return {
    parseOptions,
    validationRules,
    costError,
    apolloPlugin: {
      async requestDidStart() {
        return {
          // Apollo validates each document once; the variables are known only here.
          async didResolveOperation({ schema, document, operation, request }) {
            if (!operation) return; // Apollo answers that itself
            const error = costError(schema, document, operation, request.variables ?? {});
            if (error) throw asValidationFailure(error);
          },
        };
      },
    },
    prepare(schema, { query, operationName, variables }) {
      let document: DocumentNode;
      try {
        document = parse(query, parseOptions);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      const errors = validate(schema, document, rules);
      if (errors.length > 0) return errors;
      const args: ExecutionArgs = { schema, document, operationName, variableValues: variables };
      // No such operation: graphql-ws answers that itself.
      const operation = getOperationAST(document, operationName);
      const error = operation && costError(schema, document, operation, variables ?? {});
      return error ? [error] : args;
    },
  };
}
