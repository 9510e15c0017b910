// Routes are data: method, path, zod schemas, roles and a handler. The server registers them and the OpenAPI
// document is generated from the same definitions, so the two cannot drift apart.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AnyZodObject, ZodTypeAny, z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../users/users.repository.js';

/**
 * What a handler returns once it has answered through `reply` itself (a stream, an event stream). Not the reply:
 * a Fastify reply is a thenable, and an async function returning it would wait for the response to finish.
 */
export const ANSWERED = Symbol('answered');

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type DocumentedResponse = {
  description: string;
  /** The JSON body; omitted for an empty answer or when `contentType` says it is not JSON. */
  schema?: ZodTypeAny;
  /** For streams: `text/event-stream`, `text/csv`, `application/octet-stream`. */
  contentType?: string;
};

type Parsed<S> = S extends ZodTypeAny ? z.output<S> : undefined;

export type RouteInput<P, Q, B, A> = {
  params: P;
  query: Q;
  body: B;
  actor: A;
  request: FastifyRequest;
  reply: FastifyReply;
};

type RouteSpec<PS, QS, BS, A> = {
  method: HttpMethod;
  /** Fastify syntax: `/api/jobs/:id`. */
  url: string;
  summary: string;
  tag: string;
  params?: PS;
  query?: QS;
  body?: BS;
  /** A multipart upload: documented as one file field of that name; the handler reads the stream itself. */
  multipartFile?: string;
  responses: Record<number, DocumentedResponse>;
  /** What is returned is sent as JSON (nothing for undefined); a handler that streams answers through `reply` and returns ANSWERED. */
  handle(input: RouteInput<Parsed<PS>, Parsed<QS>, Parsed<BS>, A>): Promise<unknown>;
};

/** The erased form the server and the OpenAPI generator work with. */
export type RouteDefinition = {
  method: HttpMethod;
  url: string;
  summary: string;
  tag: string;
  params?: AnyZodObject;
  query?: AnyZodObject;
  body?: ZodTypeAny;
  multipartFile?: string;
  responses: Record<number, DocumentedResponse>;
  /** null: anyone may call it (signing in, the API description). */
  roles: readonly Role[] | null;
  handle(input: RouteInput<unknown, unknown, unknown, Actor | null>): Promise<unknown>;
};

/** A route for signed-in callers with one of `roles`; the server answers 401 and 403 before the handler runs. */
export function defineRoute<PS extends AnyZodObject | undefined = undefined, QS extends AnyZodObject | undefined = undefined, BS extends ZodTypeAny | undefined = undefined>(
  spec: RouteSpec<PS, QS, BS, Actor> & { roles: readonly Role[] },
): RouteDefinition {
  return erase(spec, spec.roles);
}

export function definePublicRoute<PS extends AnyZodObject | undefined = undefined, QS extends AnyZodObject | undefined = undefined, BS extends ZodTypeAny | undefined = undefined>(
  spec: RouteSpec<PS, QS, BS, Actor | null>,
): RouteDefinition {
  return erase(spec, null);
}

function erase<PS, QS, BS, A>(spec: RouteSpec<PS, QS, BS, A>, roles: readonly Role[] | null): RouteDefinition {
  return {
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tag: spec.tag,
    params: spec.params as AnyZodObject | undefined,
    query: spec.query as AnyZodObject | undefined,
    body: spec.body as ZodTypeAny | undefined,
    multipartFile: spec.multipartFile,
    responses: spec.responses,
    roles,
    // The server parses params, query and body with the route's own schemas before calling, so the types hold.
    handle: (input) => spec.handle(input as RouteInput<Parsed<PS>, Parsed<QS>, Parsed<BS>, A>),
  };
}
