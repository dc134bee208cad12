import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getRequestContext } from '@one-window/shared/http';
import { InvoiceRepository, InvoiceVerificationLog } from '@one-window/tax/data-access';
import { Invoice, verifyInvoice, type InvoiceVerificationResult } from '@one-window/tax/domain';
import type { InvoiceVerificationDto } from './verify-invoice.dto';

const STATUS = { VALID: 'valid', MISMATCH: 'mismatch', NOT_FOUND: 'not_found' } as const;

/**
 * Public verification (查验, §5.1 L97): always 200 with `status` valid / mismatch / not_found. A
 * mismatch names only the fields that differ; valid gives only the public fields (parties' names,
 * amounts, date, status, reversal). Every query is recorded in `invoice_verification` (number,
 * outcome, which proofs were given, caller, request id); the platform's audit trail records the
 * request as well. Rate-limited at the gateway.
 */
@Injectable()
export class VerifyInvoiceHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly log: InvoiceVerificationLog,
  ) {}

  async execute(dto: InvoiceVerificationDto, subject: string | null) {
    const stored = await this.invoices.get(this.ds.manager, dto.invoiceNo);
    const result: InvoiceVerificationResult = verifyInvoice(stored ? Invoice.restore(stored.doc.state) : undefined, {
      invoiceNo: dto.invoiceNo,
      issuedOn: dto.issuedOn,
      ...(dto.checkCode !== undefined ? { checkCode: dto.checkCode } : {}),
      ...(dto.amount !== undefined ? { amount: dto.amount } : {}),
    });
    await this.log.record(this.ds.manager, {
      id: randomUUID(),
      invoiceNo: dto.invoiceNo,
      issuedOn: dto.issuedOn,
      outcome: result.outcome,
      mismatched: result.outcome === 'MISMATCH' ? [...result.mismatched] : [],
      proofs: [...(dto.checkCode !== undefined ? (['checkCode'] as const) : []), ...(dto.amount !== undefined ? (['amount'] as const) : [])],
      at: new Date(),
      subject,
      requestId: getRequestContext()?.requestId ?? null,
    });
    if (result.outcome !== 'VALID') {
      const { outcome, ...rest } = result;
      return { status: STATUS[outcome], ...rest };
    }
    const { outcome, status: invoiceStatus, ...rest } = result;
    return { status: STATUS[outcome], invoiceStatus, ...rest };
  }
}
