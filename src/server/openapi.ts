// The OpenAPI 3 document of the HTTP API, generated from the route definitions and their zod schemas.
import { z, type AnyZodObject, type ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import type { RouteDefinition } from './route-definition.js';
import { SESSION_COOKIE } from './request-auth.js';

type JsonObject = Record<string, unknown>;

const errorSchema = z.object({ code: z.string().describe('AppError code, e.g. NOT_FOUND, CSRF_INVALID'), message: z.string() });

function jsonSchemaOf(schema: ZodTypeAny, io: 'input' | 'output'): JsonObject {
  // Inputs are documented as a client sends them (before defaults and coercion), answers as they are sent.
  const converted = zodToJsonSchema(schema, { target: 'openApi3', $refStrategy: 'none', effectStrategy: 'input', pipeStrategy: io }) as JsonObject;
  delete converted.$schema;
  return converted;
}

/** `/api/jobs/:id/files/:kind` → `/api/jobs/{id}/files/{kind}` */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parametersOf(schema: AnyZodObject | undefined, location: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  return Object.entries(schema.shape as Record<string, ZodTypeAny>).map(([name, field]) => {
    const parameter: JsonObject = { name, in: location, required: location === 'path' || !field.isOptional(), schema: jsonSchemaOf(field, 'input') };
    if (field.description) parameter.description = field.description;
    return parameter;
  });
}

function operationOf(route: RouteDefinition): JsonObject {
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const contentType = response.contentType ?? 'application/json';
    const content =
      response.schema !== undefined
        ? { [contentType]: { schema: jsonSchemaOf(response.schema, 'output') } }
        : response.contentType !== undefined
          ? { [contentType]: { schema: { type: 'string', format: 'binary' } } }
          : undefined;
    responses[status] = content ? { description: response.description, content } : { description: response.description };
  }
  responses.default = { description: 'An error: 400 bad input, 401 not signed in, 403 wrong role or CSRF, 404 not found (or another team\'s), 409, 413, 429.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

  const operation: JsonObject = {
    operationId: `${route.method.toLowerCase()}${route.url.replace(/[/:{}-]+([a-z])/g, (_m, letter: string) => letter.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}`,
    summary: route.summary,
    tags: [route.tag],
    parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
    responses,
  };
  if (route.roles === null) operation.security = [];
  else operation.description = `Roles: ${route.roles.join(', ')}.`;
  if (route.body) {
    operation.requestBody = { required: !route.body.isOptional(), content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } } };
  } else if (route.multipartFile) {
    operation.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', required: [route.multipartFile], properties: { [route.multipartFile]: { type: 'string', format: 'binary' } } },
        },
      },
    };
  }
  return operation;
}

export function buildOpenApiDocument(routes: readonly RouteDefinition[], info: { title: string; version: string }): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = openApiPath(route.url);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.0.3',
    info: {
      ...info,
      description:
        'Intake, the data-import module of a call-center CRM. Sign in with POST /api/session (cookie + csrfToken: send it as X-CSRF-Token on every write) or use an API token as "Authorization: Bearer itk_…". Errors are always {code, message}.',
    },
    servers: [{ url: '/' }],
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearerToken: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Error: jsonSchemaOf(errorSchema, 'output') },
    },
    paths,
  };
}
