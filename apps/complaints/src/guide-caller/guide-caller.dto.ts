import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class GuideCallerDto {
  @ApiProperty({ example: 'A civil dispute between neighbours: the people\'s mediation committee of the street handles it' }) @IsString() @Length(1, 2000) guidanceText: string;
}
