/** The OpenAPI shape of the catalogue (get-catalogue.handler.ts). */
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Catalogue } from './get-catalogue.handler';

@ApiSchema({ name: 'Catalogue' })
export class CatalogueDoc implements Catalogue {
  @ApiProperty({
    type: [String],
    description:
      'The roles a credential may hold: ROLE_CATALOGUE with the built-in roles and the admin role. ' +
      'Empty when no role catalogue is set: any well-formed role is accepted',
    example: ['keyring:admin', 'keyring:introspect', 'billing:read'],
  })
  roles!: string[];

  @ApiProperty({
    type: [String],
    description:
      'The APIs (OAuth scopes) a credential may be granted: API_CATALOGUE. ' +
      'Empty when no API catalogue is set: any well-formed scope token is accepted',
    example: ['messaging', 'voice'],
  })
  apis!: string[];
}
