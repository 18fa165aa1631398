/** The OpenAPI shape of RFC 9457 problem details (problem-details.ts), and the responses that carry it. */
import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FieldViolation } from '@keyring/domain';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';

@ApiSchema({ name: 'FieldViolation' })
export class FieldViolationDoc implements FieldViolation {
  @ApiProperty({ type: String, example: 'accounts[0]' })
  field!: string;

  @ApiProperty({ type: String })
  message!: string;
}

@ApiSchema({ name: 'ProblemDetails' })
export class ProblemDetailsDoc implements ProblemDetails {
  @ApiProperty({ type: String, format: 'uri', example: 'urn:keyring:problem:validation-failed' })
  type!: string;

  @ApiProperty({ type: String, example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status!: number;

  @ApiProperty({ type: String, example: 'Invalid fields: name' })
  detail!: string;

  @ApiProperty({ type: String, description: 'Stable machine-readable code', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiPropertyOptional({ type: String, description: 'The request path', example: '/v1/credentials' })
  instance?: string;

  @ApiPropertyOptional({
    type: [FieldViolationDoc],
    description: 'On validation failures: each invalid field',
  })
  errors?: FieldViolationDoc[];
}

/** What each status means on the management API; the problem's `code` says exactly which case it is. */
const PROBLEM_MEANINGS = {
  400: 'The request is not valid; `errors` names each invalid field',
  401: 'No bearer token, or one that is not valid (see `WWW-Authenticate`)',
  403: "The token's credential lacks the admin role, or an account is beyond the caller's reach",
  404: 'No such credential, secret or API user',
  409: 'The credential refuses the change in its current state, or was changed concurrently (retry)',
  415: 'The body is not application/json',
  429: 'Too many failed attempts from this address; retry after `Retry-After` seconds',
} as const;

/** Documents problem-details responses for the given statuses. */
export const ApiProblemResponses = (...statuses: (keyof typeof PROBLEM_MEANINGS)[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDetailsDoc),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_MEANINGS[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDoc) } } },
      }),
    ),
  );
