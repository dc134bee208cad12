import { ReturnContentDto } from '../shared/return-lines.dto';

/** The corrected return: it replaces the whole latest version (更正申报). */
export class AmendReturnDto extends ReturnContentDto {}
