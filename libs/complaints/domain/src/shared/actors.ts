/**
 * Who performs a transition (every transition is audited with its actor), after the roles of
 * spec §1. The app maps platform roles to these:
 *  - caller          诉求人: `applicant` or an anonymous channel / Open311 client (002 L1437, L1495)
 *  - hotline_agent   热线中心 agent, scope `centre` (002 L1451–1457)
 *  - district_body   区热线工作机构, `hotline-agent` scope `district:<id>` (002 L1459)
 *  - handling_unit   承办单位 (the lead unit when co-handled), `officer` (002 L1461–1473)
 *  - co_handler      协办单位, `officer` (002 L1556)
 *  - supervisor      政务服务数据管理部门, data administration (002 L1445–1449, L1558–1566)
 *  - guidance_body   业务指导/行业主管部门, 机构编制部门, 司法行政部门 (002 L1562–1566)
 *  - integrator      Open311 client acting for a caller (channel OPEN311)
 *  - system          the service itself (e.g. the rating channel)
 *  - timer           a durable timer firing at a computed instant
 */
export const COMPLAINT_ACTORS = [
  'caller',
  'hotline_agent',
  'district_body',
  'handling_unit',
  'co_handler',
  'supervisor',
  'guidance_body',
  'integrator',
  'system',
  'timer',
] as const;

export type ComplaintActor = (typeof COMPLAINT_ACTORS)[number];

export function isComplaintActor(value: string): value is ComplaintActor {
  return (COMPLAINT_ACTORS as readonly string[]).includes(value);
}
