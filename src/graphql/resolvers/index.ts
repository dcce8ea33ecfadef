import type { Resolvers } from '../__generated__/resolvers';
import { DateTimeScalar, TagMapScalar, URLMapScalar } from '../scalars';
import { Token, Viewer } from './access';
import { CreateEventResult, CreateEventsResult } from './batch';
import { EventConnection, EventEdge, PageInfo } from './connection';
import { Event } from './event';
import { Mutation } from './mutation';
import { EventRevision, Node } from './node';
import { Query } from './query';
import { Subscription } from './subscription';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  TagMap: TagMapScalar,
  URLMap: URLMapScalar,
  Query,
  Mutation,
  Subscription,
  Event,
  EventConnection,
  EventEdge,
  PageInfo,
  Node,
  EventRevision,
  CreateEventsResult,
  CreateEventResult,
  Viewer,
  Token,
};
