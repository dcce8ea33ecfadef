/** Every GraphQL operation the client sends; codegen types them into ./__generated__ (npm run codegen). */
import { graphql } from './__generated__';

graphql(`
  fragment EventFields on Event {
    id
    parentId
    sourceId
    startTime
    endTime
    description
    detailUrls
    tags
    createdAt
    updatedAt
    revision
    changedBy
  }
`);

graphql(`
  fragment TokenFields on Token {
    name
    scopes
    namespace
    createdAt
    createdBy
    lastUsedAt
    revokedAt
  }
`);

export const CreateEventMutation = graphql(`
  mutation CreateEvent($event: EventInput!) {
    createEvent(event: $event) {
      ...EventFields
    }
  }
`);

export const CreateEventsMutation = graphql(`
  mutation CreateEvents($events: [EventInput!]!) {
    createEvents(events: $events) {
      results {
        index
        event {
          ...EventFields
        }
        error {
          code
          message
          field
        }
      }
    }
  }
`);

export const ReplaceEventMutation = graphql(`
  mutation ReplaceEvent($event: EventInput!, $upsert: Boolean) {
    replaceEvent(event: $event, upsert: $upsert) {
      ...EventFields
    }
  }
`);

export const UpdateEventMutation = graphql(`
  mutation UpdateEvent($event: EventInput!, $upsert: Boolean) {
    updateEvent(event: $event, upsert: $upsert) {
      ...EventFields
    }
  }
`);

export const MergeEventMutation = graphql(`
  mutation MergeEvent($event: EventInput!, $upsert: Boolean) {
    mergeEvent(event: $event, upsert: $upsert) {
      ...EventFields
    }
  }
`);

export const DeleteEventMutation = graphql(`
  mutation DeleteEvent($id: ID!) {
    deleteEvent(id: $id) {
      ...EventFields
    }
  }
`);

export const EventQuery = graphql(`
  query Event($id: ID!) {
    event(id: $id) {
      ...EventFields
    }
  }
`);

export const EventsQuery = graphql(`
  query Events($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      nodes {
        ...EventFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// One level of eventTree; `tree` nests it as deep as it is asked (GraphQL has no recursive
// selections), so the levels below are typed by this fragment too.
export const EventTreeLevel = graphql(`
  fragment EventTreeLevel on EventNode {
    event {
      ...EventFields
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      token
      scopes
      namespace
    }
  }
`);

export const CreateTokenMutation = graphql(`
  mutation CreateToken($name: String!, $scopes: [Scope!]!, $namespace: TagMap) {
    createToken(name: $name, scopes: $scopes, namespace: $namespace) {
      secret
      token {
        ...TokenFields
      }
    }
  }
`);

export const TokensQuery = graphql(`
  query Tokens {
    tokens {
      ...TokenFields
    }
  }
`);

export const RevokeTokenMutation = graphql(`
  mutation RevokeToken($name: String!) {
    revokeToken(name: $name) {
      ...TokenFields
    }
  }
`);

export const EventChangedSubscription = graphql(`
  subscription EventChanged($filter: EventFilter) {
    eventChanged(filter: $filter) {
      kind
      event {
        ...EventFields
      }
    }
  }
`);
