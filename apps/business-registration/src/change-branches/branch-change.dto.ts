import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';

/** A centralised change of several branches (统一变更, §6, 000 L574–575): each field given replaces every named branch's. */
export class BranchChangeDto {
  @ApiProperty({ type: [String], description: 'The credit codes of the branches to change (1–500, each a branch of this company)', example: ['91440106MA00002C4C'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { each: true })
  branchUsccs: string[];

  @ApiPropertyOptional({ description: 'The new person in charge (负责人), a person ref', example: 'p-c' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  personInChargeRef?: string;

  @ApiPropertyOptional({ type: [String], description: "The branches' new scope: within the parent's; adding an item that needs a permit is not a centralised change", example: ['I6513'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[A-Z]\d{4}$/, { each: true })
  scopeCodes?: string[];

  @ApiPropertyOptional({ description: 'The new standard address id (the registering authority follows its district)', example: 'GZ-ADDR-0004' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  standardAddressId?: string;
}
