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
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../domain/query';

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
const SIZE_ARGUMENTS = ['first', 'limit', 'last'];
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
  const sizes = field.args.filter((arg) => SIZE_ARGUMENTS.includes(arg.name));
  if (sizes.length > 0) {
    // The sizes given (a connection takes first or last; both: the larger counts), else
    // the first size argument's default.
    const given = sizes.flatMap((arg) => {
      const value = node.arguments?.find((argument) => argument.name.value === arg.name)?.value;
      return value && value.kind !== Kind.NULL ? [givenSize(context, arg.name, value, pageSize)] : [];
    });
    if (given.length > 0) return Math.max(...given);
    const defaultValue = sizes[0]?.defaultValue;
    if (typeof defaultValue === 'number') return defaultValue;
    // A connection given neither first nor last answers its default page.
    return getNamedType(field.type).name.endsWith('Connection') ? Math.min(DEFAULT_PAGE_SIZE, pageSize) : pageSize;
  }
  if (UNMULTIPLIED_LISTS.has(`${parent.name}.${field.name}`)) return 1;
  // A connection's page size was counted at the field that took `first`.
  if (parent.name.endsWith('Connection')) return 1;
  return getNullableType(field.type) instanceof GraphQLList ? ASSUMED_LIST_SIZE : 1;
}

/** A size argument's value as the document gives it: a number, or a variable's default, else the largest page. */
function givenSize(context: ValidationContext, name: string, value: ValueNode, pageSize: number): number {
  if (value.kind === Kind.INT) {
    if (Number(value.value) < 0) throw new NegativeSize(name);
    return Number(value.value);
  }
  if (value.kind !== Kind.VARIABLE) return pageSize;
  // Variables are not known yet: their default, else the largest page.
  const variable = context
    .getDocument()
    .definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? (d.variableDefinitions ?? []) : []))
    .find((v) => v.variable.name.value === value.name.value);
  const fallback = variable?.defaultValue;
  if (fallback?.kind !== Kind.INT) return pageSize;
  if (Number(fallback.value) < 0) throw new NegativeSize(name);
  return Number(fallback.value);
}

/**
 * Selections one document may make the measure visit: far above any real query, far below
 * what would hold the event loop. Each fragment is measured once however often it is
 * spread, so the work is bounded by the document's size; this bounds it whatever the shape.
 */
const MEASURE_BUDGET = 20_000;

class MeasureTooLarge extends Error {}

/** A negative page size, refused before it could lower the cost. */
class NegativeSize extends Error {
  constructor(readonly argument: string) {
    super(argument);
  }
}

/** Measures the selection sets of one operation, remembering each fragment's measure. */
class Measurer {
  private readonly fragments = new Map<string, Measure>();
  private readonly inProgress = new Set<string>();
  private visited = 0;

  constructor(
    private readonly context: ValidationContext,
    private readonly pageSize: number,
  ) {}

  measure(selectionSet: SelectionSetNode, parent: GraphQLCompositeType): Measure {
    let depth = 0;
    let cost = 0;
    const add = (inner: Measure) => {
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    };
    for (const selection of selectionSet.selections) {
      if (++this.visited > MEASURE_BUDGET) throw new MeasureTooLarge();
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
        const field = fields[selection.name.value];
        if (!field) continue; // reported by graphql-js' own rules
        const size = listSize(this.context, parent, field, selection, this.pageSize);
        const type = getNamedType(field.type);
        if (!selection.selectionSet || !isCompositeType(type)) {
          depth = Math.max(depth, 1);
          continue;
        }
        const inner = this.measure(selection.selectionSet, type);
        depth = Math.max(depth, inner.depth + 1);
        cost += size * (1 + inner.cost);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? this.context.getSchema().getType(typeName) : parent;
        if (type && isCompositeType(type)) add(this.measure(selection.selectionSet, type));
      } else {
        const fragment = this.fragment(selection.name.value);
        if (fragment) add(fragment);
      }
    }
    return { depth, cost };
  }

  /** A named fragment's measure, made once; nothing for a cycle (graphql-js reports those). */
  private fragment(name: string): Measure | undefined {
    const known = this.fragments.get(name);
    if (known) return known;
    const fragment = this.context.getFragment(name);
    if (!fragment || this.inProgress.has(name)) return undefined;
    const type = this.context.getSchema().getType(fragment.typeCondition.name.value);
    if (!type || !isCompositeType(type)) return undefined;
    this.inProgress.add(name);
    const measured = this.measure(fragment.selectionSet, type);
    this.inProgress.delete(name);
    this.fragments.set(name, measured);
    return measured;
  }
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
      let measured: Measure;
      try {
        measured = new Measurer(context, limits.pageSize).measure(operation.selectionSet, root);
      } catch (error) {
        if (error instanceof NegativeSize) {
          context.reportError(
            new GraphQLError(`${error.argument} must not be negative`, {
              extensions: { code: 'BAD_USER_INPUT', field: error.argument },
            }),
          );
          return;
        }
        if (!(error instanceof MeasureTooLarge)) throw error;
        context.reportError(
          new GraphQLError(
            `the query has over ${MEASURE_BUDGET} selections once its fragments are spread (ETS_MAX_QUERY_COST); send a smaller document`,
            { extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'ETS_MAX_QUERY_COST' } },
          ),
        );
        return;
      }
      const { depth, cost } = measured;
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
