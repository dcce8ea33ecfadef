/**
 * Limits on what one GraphQL document may ask for, checked before it runs (as validation
 * rules, for HTTP and graphql-ws alike): selection depth, aliases, and cost, an estimate of
 * the objects the answer may hold. Introspection is free, so tools keep working.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  depth: number;
  cost: number;
  aliases: number;
  /** The largest page: what a page size given as a variable may be. */
  pageSize: number;
}

/** A list field without a size argument is assumed to hold this many items. */
const ASSUMED_LIST_SIZE = 10;
/** Fields whose size argument says how many items they hold. */
const SIZE_ARGUMENTS = ['first', 'limit'];
/**
 * eventTree is capped at LIMITS.treeNodes events in all by the server, so the nesting of
 * its children does not multiply.
 */
const UNMULTIPLIED_LISTS = new Set(['EventNode.children']);

interface Measure {
  depth: number;
  cost: number;
}

function listSize(
  context: ValidationContext,
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  pageSize: number,
): number {
  for (const name of SIZE_ARGUMENTS) {
    const definition = field.args.find((arg) => arg.name === name);
    if (!definition) continue;
    const given = node.arguments?.find((arg) => arg.name.value === name)?.value;
    if (given?.kind === Kind.INT) return Number(given.value);
    if (given?.kind === Kind.VARIABLE) {
      // Variables are not known yet: their default, else the largest page.
      const variable = context
        .getDocument()
        .definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? (d.variableDefinitions ?? []) : []))
        .find((v) => v.variable.name.value === given.name.value);
      const fallback = variable?.defaultValue;
      return fallback?.kind === Kind.INT ? Number(fallback.value) : pageSize;
    }
    return typeof definition.defaultValue === 'number' ? definition.defaultValue : pageSize;
  }
  if (UNMULTIPLIED_LISTS.has(`${parent.name}.${field.name}`)) return 1;
  // A connection's page size was counted at the field that took `first`.
  if (parent.name.endsWith('Connection')) return 1;
  return getNullableType(field.type) instanceof GraphQLList ? ASSUMED_LIST_SIZE : 1;
}

function measure(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  pageSize: number,
  fragmentsSeen: ReadonlySet<string>,
): Measure {
  let depth = 0;
  let cost = 0;
  const add = (inner: Measure) => {
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const field = fields[selection.name.value];
      if (!field) continue; // reported by graphql-js' own rules
      const type = getNamedType(field.type);
      if (!selection.selectionSet || !isCompositeType(type)) {
        depth = Math.max(depth, 1);
        continue;
      }
      const inner = measure(context, selection.selectionSet, type, pageSize, fragmentsSeen);
      depth = Math.max(depth, inner.depth + 1);
      cost += listSize(context, parent, field, selection, pageSize) * (1 + inner.cost);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? context.getSchema().getType(typeName) : parent;
      if (type && isCompositeType(type)) add(measure(context, selection.selectionSet, type, pageSize, fragmentsSeen));
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || fragmentsSeen.has(name)) continue; // cycles are reported by graphql-js
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      if (type && isCompositeType(type)) {
        add(measure(context, fragment.selectionSet, type, pageSize, new Set([...fragmentsSeen, name])));
      }
    }
  }
  return { depth, cost };
}

function limitError(what: string, value: number, limit: number, variable: string, hint: string): GraphQLError {
  return new GraphQLError(`${what} ${value} is over the limit of ${limit} (${variable}); ${hint}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: variable },
  });
}

export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const sizeRule: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      const root =
        operation.operation === 'query'
          ? context.getSchema().getQueryType()
          : operation.operation === 'mutation'
            ? context.getSchema().getMutationType()
            : context.getSchema().getSubscriptionType();
      if (!root) return;
      const { depth, cost } = measure(context, operation.selectionSet, root, limits.pageSize, new Set());
      if (depth > limits.depth) {
        context.reportError(
          limitError('the query depth', depth, limits.depth, 'ETS_MAX_QUERY_DEPTH', 'nest fewer selections'),
        );
      }
      if (cost > limits.cost) {
        context.reportError(
          limitError(
            'the query cost (objects it may return)',
            cost,
            limits.cost,
            'ETS_MAX_QUERY_COST',
            'ask for smaller pages or fewer nested lists',
          ),
        );
      }
    },
  });
  const aliasRule: ValidationRule = (context) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > limits.aliases) {
            context.reportError(
              limitError(
                'the number of aliases',
                aliases,
                limits.aliases,
                'ETS_MAX_ALIASES',
                'send fewer aliased fields',
              ),
            );
          }
        },
      },
    };
  };
  return [sizeRule, aliasRule];
}
