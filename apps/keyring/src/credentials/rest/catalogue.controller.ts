/** REST edge of the catalogue: the roles and APIs a console offers when it edits a credential. */
import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../platform/http/problem-details.doc';
import { AdminBearerGuard } from '../../tokens/bearer/admin-bearer.guard';
import { CatalogueDoc } from '../catalogue.doc';
import { type Catalogue, GetCatalogueQuery } from '../get-catalogue.handler';

@Controller('v1/catalogue')
@UseGuards(AdminBearerGuard)
@ApiTags('credentials')
@ApiBearerAuth('bearer')
@ApiProblemResponses(401, 403)
export class CatalogueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The roles and APIs a credential may be granted',
    description: 'An empty list means that catalogue is not set, so any well-formed value is accepted.',
  })
  @ApiOkResponse({ type: CatalogueDoc })
  catalogue(): Promise<Catalogue> {
    return this.queries.execute(new GetCatalogueQuery());
  }
}
