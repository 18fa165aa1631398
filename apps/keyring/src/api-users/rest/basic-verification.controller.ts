/**
 * `POST /v1/api-users/verify`: resource servers ask whether a Basic header
 * they received proves an active API user, until Basic is retired.
 */
import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../platform/context/command-context';
import { ApiProblemResponses } from '../../platform/http/problem-details.doc';
import { RequestContext } from '../../platform/http/request-context';
import { BasicVerificationDoc } from '../api-user.doc';
import type { BasicVerification } from '../basic-verifier';
import { VerifyBasicDto } from '../dto/api-user.dto';
import { VerifyBasicCommand } from '../verify-basic.command';
import { IntrospectOrAdminBearerGuard } from '../../tokens/bearer/admin-bearer.guard';

@Controller('v1/api-users/verify')
@UseGuards(IntrospectOrAdminBearerGuard)
@ApiTags('api-users')
@ApiBearerAuth('bearer')
@ApiProblemResponses(401, 403)
export class BasicVerificationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Verify an HTTP Basic header (needs the introspect or admin role): the same {active:false} for unknown, wrong and disabled',
  })
  @ApiOkResponse({ type: BasicVerificationDoc })
  @ApiProblemResponses(400, 415, 429)
  verify(
    @Body() body: VerifyBasicDto,
    @RequestContext() context: CommandContext,
  ): Promise<BasicVerification> {
    return this.commands.execute(new VerifyBasicCommand(body.authorization, context));
  }
}
