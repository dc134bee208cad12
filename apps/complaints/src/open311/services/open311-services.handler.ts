import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { open311ServiceDefinitionOf, open311ServiceList, type Open311Service, type Open311ServiceDefinition } from '@one-window/complaints/domain';
import { OPEN311_REFERENCE_DATA, type Open311ReferenceData } from '@one-window/complaints/data-access';
import { Open311Exception } from '../shared/open311-error';
import { Open311Requests } from '../shared/open311-requests';

export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const OPEN311_BASE_PATH = '/api/v1/complaints/open311/v2';

export interface Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: { specification: string; url: string; changeset: string; type: 'production' | 'test'; formats: string[] }[];
}

/** Discovery, the service list and the service definitions (spec §7): templates through the domain's Open311 mapping. */
@Injectable()
export class Open311ServicesHandler {
  constructor(
    private readonly requests: Open311Requests,
    @Inject(OPEN311_REFERENCE_DATA) private readonly reference: Open311ReferenceData,
  ) {}

  /** The endpoint URL as the client reached it (X-Forwarded-Proto / -Host from the gateway when present). */
  discovery(req: Request): Open311Discovery {
    const header = (name: string) => {
      const v = req.headers[name];
      return (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
    };
    const proto = header('x-forwarded-proto') ?? req.protocol;
    const host = header('x-forwarded-host') ?? header('host') ?? 'localhost';
    return {
      changeset: this.reference.changeset,
      contact: this.reference.contact,
      key_service: this.reference.keyService,
      endpoints: [
        {
          specification: GEOREPORT_V2_SPECIFICATION,
          url: `${proto}://${host}${OPEN311_BASE_PATH}`,
          changeset: this.reference.changeset,
          type: this.reference.endpointType,
          formats: ['application/json', 'text/xml'],
        },
      ],
    };
  }

  services(jurisdictionId: string | undefined): Open311Service[] {
    this.assertJurisdiction(jurisdictionId);
    return open311ServiceList(this.requests.published());
  }

  definition(serviceCode: string, jurisdictionId: string | undefined): Open311ServiceDefinition {
    this.assertJurisdiction(jurisdictionId);
    const template = this.requests.template(serviceCode);
    if (!template) throw new Open311Exception(404, `service_code ${serviceCode} not found`);
    return open311ServiceDefinitionOf(template);
  }

  assertJurisdiction(jurisdictionId: string | undefined): void {
    if (jurisdictionId !== undefined && !this.requests.jurisdictionKnown(jurisdictionId)) throw new Open311Exception(404, `jurisdiction_id ${jurisdictionId} not found`);
  }
}
