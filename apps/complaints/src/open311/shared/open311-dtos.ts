import { applyDecorators } from '@nestjs/common';
import { ApiDefaultResponse, ApiParam, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';

/** OpenAPI descriptions of the GeoReport v2 documents (the handlers return the domain's plain objects). */
export class Open311ErrorDto {
  @ApiProperty({ example: 400 }) code: number;
  @ApiProperty({ example: 'The date window may not span more than 90 days' }) description: string;
}

export class Open311EndpointDto {
  @ApiProperty({ example: 'http://wiki.open311.org/GeoReport_v2' }) specification: string;
  @ApiProperty({ example: 'https://api.example.gov.cn/api/v1/complaints/open311/v2' }) url: string;
  @ApiProperty() changeset: string;
  @ApiProperty({ enum: ['production', 'test'] }) type: string;
  @ApiProperty({ type: [String], example: ['application/json', 'text/xml'] }) formats: string[];
}

export class Open311DiscoveryDto {
  @ApiProperty() changeset: string;
  @ApiProperty() contact: string;
  @ApiProperty() key_service: string;
  @ApiProperty({ type: [Open311EndpointDto] }) endpoints: Open311EndpointDto[];
}

export class Open311ServiceDto {
  @ApiProperty({ example: 'HOUSING.REPAIR' }) service_code: string;
  @ApiProperty() service_name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'True when the service has attributes (GET /services/{service_code})' }) metadata: boolean;
  @ApiProperty({ enum: ['realtime', 'batch'] }) type: string;
  @ApiProperty({ description: 'Comma-separated' }) keywords: string;
  @ApiProperty() group: string;
}

export class Open311AttributeValueDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
}

export class Open311AttributeDto {
  @ApiProperty() variable: boolean;
  @ApiProperty({ example: 'request_type' }) code: string;
  @ApiProperty({ enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] }) datatype: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: String, nullable: true }) datatype_description: string | null;
  @ApiProperty() order: number;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ type: [Open311AttributeValueDto] }) values?: Open311AttributeValueDto[];
}

export class Open311ServiceDefinitionDto {
  @ApiProperty() service_code: string;
  @ApiProperty({ type: [Open311AttributeDto], description: 'The template\u2019s attributes, then request_type (unless fixed), hide_fields, uscc' }) attributes: Open311AttributeDto[];
}

export class Open311ServiceRequestDto {
  @ApiProperty({ description: 'The Submission id' }) service_request_id: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiPropertyOptional() status_notes?: string;
  @ApiProperty() service_name: string;
  @ApiProperty() service_code: string;
  @ApiPropertyOptional({ description: 'PUBLIC templates only (masked); SUMMARY and hidden fields: omitted' }) description?: string;
  @ApiPropertyOptional({ description: 'Unit display names, lead first' }) agency_responsible?: string;
  @ApiProperty() service_notice: string;
  @ApiProperty({ example: '2026-09-30T10:15:00+08:00' }) requested_datetime: string;
  @ApiProperty({ description: 'Last change; the close time when closed' }) updated_datetime: string;
  @ApiPropertyOptional({ description: 'From the SLA clock (last on-time instant)' }) expected_datetime?: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional() address_id?: string;
  @ApiPropertyOptional() zipcode?: string;
  @ApiPropertyOptional() lat?: number;
  @ApiPropertyOptional() long?: number;
  @ApiPropertyOptional() media_url?: string;
}

export class Open311PostResultDto {
  @ApiPropertyOptional({ description: 'Realtime services: the Submission id' }) service_request_id?: string;
  @ApiPropertyOptional({ description: 'Batch services: look the id up at GET /tokens/{token}' }) token?: string;
  @ApiProperty() service_notice: string;
  @ApiPropertyOptional() account_id?: string;
}

export class Open311TokenDto {
  @ApiProperty() service_request_id: string;
  @ApiProperty() token: string;
}

/** POST /requests body (form-encoded or JSON). Unknown fields and unknown attributes are ignored, as GeoReport v2 clients send extras. */
export class Open311PostRequestBody {
  @ApiProperty({ description: 'A registered client key (integrator)' }) api_key: string;
  @ApiProperty({ example: 'HOUSING.REPAIR' }) service_code: string;
  @ApiPropertyOptional({ example: 'CN-44-01' }) jurisdiction_id?: string;
  @ApiPropertyOptional({ example: 23.1291 }) lat?: number;
  @ApiPropertyOptional({ example: 113.2644 }) long?: number;
  @ApiPropertyOptional() address_string?: string;
  @ApiPropertyOptional() address_id?: string;
  @ApiPropertyOptional({ description: 'attribute[code]=value; multivaluelist: attribute[code][]=a&attribute[code][]=b', type: 'object', additionalProperties: true })
  attribute?: Record<string, string | string[]>;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() device_id?: string;
  @ApiPropertyOptional() account_id?: string;
  @ApiPropertyOptional() first_name?: string;
  @ApiPropertyOptional() last_name?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional({ description: '≤ 4,000 characters' }) description?: string;
  @ApiPropertyOptional() media_url?: string;
}

/** FMS service request update (GET /servicerequestupdates): one public transition; nothing personal. */
export class Open311ServiceRequestUpdateDto {
  @ApiProperty({ description: 'Stable id: <ticket id>:<transition no.>' }) update_id: string;
  @ApiProperty({ description: 'The Submission id' }) service_request_id: string;
  @ApiProperty({ enum: ['open', 'investigating', 'internal_referral', 'action_scheduled', 'in_progress', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'closed'], description: 'FixMyStreet extended status (spec §7 mapping)' })
  status: string;
  @ApiProperty({ example: '2026-10-09T10:00:00+08:00' }) updated_datetime: string;
  @ApiProperty({ description: 'Public text: registered, dispatched to, extended to (with the public reason), re-dispatched, replied, re-handling, closed' }) description: string;
  @ApiProperty({ description: 'Always empty' }) media_url: string;
  @ApiProperty({ example: 'CLOSED:WITHDRAWN', description: 'The internal state, plus ":" and the close reason when closed' }) external_status_code: string;
}

/** FMS POST /servicerequestupdates body (form-encoded or JSON). */
export class Open311PostUpdateBody {
  @ApiProperty({ description: 'A registered client key (integrator)' }) api_key: string;
  @ApiProperty({ description: 'The Submission id' }) service_request_id: string;
  @ApiPropertyOptional({ description: 'The client\u2019s own id of the update' }) update_id?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'closed: a withdrawal request (002 L1606)' }) status?: string;
  @ApiPropertyOptional({ description: '≤ 4,000 characters; required unless status=closed' }) description?: string;
  @ApiPropertyOptional() media_url?: string;
  @ApiPropertyOptional() first_name?: string;
  @ApiPropertyOptional() last_name?: string;
  @ApiPropertyOptional({ description: 'The submitter\u2019s phone (same phone, 002 L1495)' }) phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional({ description: 'The client\u2019s account id the request was filed with (same account, 002 L1495)' }) account_id?: string;
  @ApiPropertyOptional() device_id?: string;
}

export class Open311PostUpdateResultDto {
  @ApiProperty({ description: 'This service\u2019s id of the accepted update' }) update_id: string;
}

/** What every Open311 operation shares in the OpenAPI document: tag, formats, the Open311 error list. */
export function Open311Operation(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiTags('open311'),
    ApiProduces('application/json', 'text/xml'),
    ApiDefaultResponse({ description: 'Open311 error list (HTTP 400, 403 or 404), not problem+json', type: [Open311ErrorDto] }),
  );
}

export const ApiFormatParam = () => ApiParam({ name: 'format', enum: ['json', 'xml'], description: 'Response format' });
