import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches } from 'class-validator';

/** 一照多址: an extra business address in the domicile's city (§6). */
export class PremisesDto {
  @ApiProperty({ description: 'Standard address id of the premises', example: 'GZ-ADDR-0004' }) @IsString() @Length(1, 64) standardAddressId: string;
  @ApiProperty({ type: [String], description: 'Scope codes run there: a subset of the registered scope', example: ['I6513'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^[A-Z]\d{4}$/, { each: true })
  scopeCodes: string[];
  @ApiProperty({ description: 'The signed commitment (承诺书) document ref', example: 'commit-1' }) @IsString() @Length(1, 200) commitmentRef: string;
}
