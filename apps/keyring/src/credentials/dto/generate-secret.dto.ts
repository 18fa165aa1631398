import { LifetimeDaysField, OptionalField } from './credential-field.decorators';

export class GenerateSecretDto {
  @OptionalField({
    description: "Days until the secret expires; the credential's secret lifetime by default",
  })
  @LifetimeDaysField()
  expiresInDays?: number;
}
