import type request from 'supertest';
import { isValidUscc } from '@one-window/business-registration/domain';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const PROBLEMS = 'https://one-window.gov.cn/problems/';

/** 一照多址 premises filings and simplified branch registration (§6), against the real database and broker. */
describe('business registration: multi-address filing and branches', () => {
  const r = registrationUnderTest();
  const { tokens, http, as, payloads } = r;
  const founder = tokens.token({ sub: 'filing-founder-1', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'filing-founder-2', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });
  const NAME = '广州市多址科技有限公司';
  let uscc: string;

  const fields = (res: request.Response) => [...new Set(res.body.violations.map((v: { field: string }) => v.field))].sort();
  const premises = (body: object, token = founder) => http().post(`${PREFIX}/companies/${uscc}/premises`).set(as(token)).send(body);
  const branch = (body: object, token = founder) => http().post(`${PREFIX}/companies/${uscc}/branches`).set(as(token)).send(body);

  beforeAll(async () => {
    await r.start();
    uscc = await r.register('多址', founder);
  });
  afterAll(() => r.close());

  it('registration told the licensing authority of each scope item that needs a post-licence permit (证照分离): registration.permit_notice.issued', async () => {
    expect(await payloads('registration.permit_notice.issued.v1', uscc)).toEqual([
      { uscc, scopeCode: 'H6210', permitName: '食品经营许可', authorityCode: 'GZ-AMR-FOOD', route: 'NOTIFICATION_COMMITMENT' },
    ]);
  });

  describe('一照多址 (premises filing)', () => {
    it('files an extra address in the same city with a scope subset and a commitment: registration.premises.filed; listed for the company and its authority', async () => {
      const res = await premises({ standardAddressId: 'GZ-ADDR-0004', scopeCodes: ['I6513'], commitmentRef: 'commit-1' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        uscc,
        address: { standardAddressId: 'GZ-ADDR-0004', divisionCode: '440106', text: '广州市天河区示例路4号' },
        scope: ['I6513'],
        commitmentRef: 'commit-1',
        filedBy: 'filing-founder-1',
      });
      expect(await payloads('registration.premises.filed.v1', uscc)).toEqual([
        { uscc, filingId: res.body.id, standardAddressId: 'GZ-ADDR-0004', divisionCode: '440106', scope: ['I6513'], commitmentRef: 'commit-1', filedOn: res.body.filedOn },
      ]);
      for (const token of [founder, officerYx]) {
        const list = await http().get(`${PREFIX}/companies/${uscc}/premises`).set(as(token));
        expect(list.status).toBe(200);
        expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([res.body.id]);
      }
      expect((await http().get(`${PREFIX}/companies/${uscc}/premises`).set(as(officerTh))).status).toBe(404);
      expect((await http().get(`${PREFIX}/companies/${uscc}/premises`).set(as(stranger))).status).toBe(404);
    });

    it('refuses what the filing rules forbid (422 naming the reasons), bad input (400 naming fields), other callers (404 / 403)', async () => {
      const refused = async (body: object, reasons: string[]) => {
        const res = await premises(body);
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ type: `${PROBLEMS}registration-filing-not-allowed`, reasons });
      };
      await refused({ standardAddressId: 'GZ-ADDR-0004', scopeCodes: ['I6513'], commitmentRef: 'commit-2' }, ['ALREADY_FILED']);
      await refused({ standardAddressId: 'GZ-ADDR-0005', scopeCodes: ['F5191'], commitmentRef: 'commit-2' }, ['SCOPE_NOT_SUBSET']);
      await refused({ standardAddressId: 'GZ-ADDR-0002', scopeCodes: ['I6513'], commitmentRef: 'commit-2' }, ['ADDRESS_BLOCKED']);
      await refused({ standardAddressId: 'GZ-ADDR-9999', scopeCodes: ['I6513'], commitmentRef: 'commit-2' }, ['ADDRESS_UNKNOWN']);
      await refused({ standardAddressId: 'GZ-ADDR-0001', scopeCodes: ['I6513'], commitmentRef: 'commit-2' }, ['SAME_AS_DOMICILE']);

      const bad = await premises({ standardAddressId: '', scopeCodes: ['software'] });
      expect(bad.status).toBe(400);
      expect(fields(bad)).toEqual(['commitmentRef', 'scopeCodes', 'standardAddressId']);

      expect((await premises({ standardAddressId: 'GZ-ADDR-0005', scopeCodes: ['I6513'], commitmentRef: 'c' }, stranger)).status).toBe(404);
      expect((await premises({ standardAddressId: 'GZ-ADDR-0005', scopeCodes: ['I6513'], commitmentRef: 'c' }, officerYx)).status).toBe(403);
      expect((await http().post(`${PREFIX}/companies/91440104MA0000000X/premises`).set(as(founder)).send({ standardAddressId: 'GZ-ADDR-0005', scopeCodes: ['I6513'], commitmentRef: 'c' })).status).toBe(404);
      expect(await payloads('registration.premises.filed.v1', uscc)).toHaveLength(1);
    });
  });

  describe('branch registration (分支机构)', () => {
    it("registers a branch with its own credit code from the branch district's authority: registration.branch.registered", async () => {
      const res = await branch({ name: `${NAME}天河分公司`, standardAddressId: 'GZ-ADDR-0004', scopeCodes: ['I6513'], personInChargeRef: 'p-b' });
      expect(res.status).toBe(201);
      const code = res.body.uscc as string;
      expect(isValidUscc(code)).toBe(true);
      expect(code).not.toBe(uscc);
      expect(code.slice(0, 8)).toBe('91440106');
      expect(res.body).toMatchObject({ parentUscc: uscc, name: `${NAME}天河分公司`, authorityCode: 'GZ-TH-AMR', status: 'ACTIVE', permitByCommitment: false });
      expect(await payloads('registration.branch.registered.v1', code)).toEqual([
        {
          uscc: code,
          parentUscc: uscc,
          name: `${NAME}天河分公司`,
          authorityCode: 'GZ-TH-AMR',
          address: { standardAddressId: 'GZ-ADDR-0004', divisionCode: '440106', text: '广州市天河区示例路4号' },
          scope: ['I6513'],
          personInChargeRef: 'p-b',
          permitByCommitment: false,
          establishedOn: res.body.establishedOn,
        },
      ]);
      const list = await http().get(`${PREFIX}/companies/${uscc}/branches`).set(as(founder));
      expect(list.body.items.map((b: { uscc: string }) => b.uscc)).toEqual([code]);
      expect((await http().get(`${PREFIX}/companies/${uscc}/branches`).set(as(stranger))).status).toBe(404);

      const commit = await branch({ name: `${NAME}南沙营业部`, standardAddressId: 'GZ-ADDR-0005', scopeCodes: ['H6210'], personInChargeRef: 'p-a', permitByCommitment: true });
      expect(commit.status).toBe(201);
      expect(commit.body).toMatchObject({ authorityCode: 'GZ-NS-AMR', permitByCommitment: true });
      expect(commit.body.uscc.slice(0, 8)).toBe('91440115');
    });

    it('refuses a name without the parent name or a branch word, a scope outside the parent’s, a taken name (422); bad input 400; other callers 404 / 403', async () => {
      const refused = async (body: object, reasons: string[]) => {
        const res = await branch({ standardAddressId: 'GZ-ADDR-0004', scopeCodes: ['I6513'], personInChargeRef: 'p-b', ...body });
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ type: `${PROBLEMS}registration-filing-not-allowed`, reasons });
      };
      await refused({ name: '广州市别家科技有限公司天河分公司' }, ['BRANCH_NAME']);
      await refused({ name: `${NAME}天河办事处` }, ['BRANCH_NAME']);
      await refused({ name: `${NAME}越秀分店`, scopeCodes: ['K7010'] }, ['SCOPE_NOT_SUBSET']);
      await refused({ name: `${NAME}天河分公司` }, ['BRANCH_NAME_TAKEN']);

      const bad = await branch({ name: 'x', scopeCodes: [], permitByCommitment: 'yes' });
      expect(bad.status).toBe(400);
      expect(fields(bad)).toEqual(['name', 'permitByCommitment', 'personInChargeRef', 'scopeCodes', 'standardAddressId']);
      expect((await branch({ name: `${NAME}越秀分店`, standardAddressId: 'GZ-ADDR-0001', scopeCodes: ['I6513'], personInChargeRef: 'p-b' }, stranger)).status).toBe(404);
      expect((await branch({ name: `${NAME}越秀分店`, standardAddressId: 'GZ-ADDR-0001', scopeCodes: ['I6513'], personInChargeRef: 'p-b' }, officerYx)).status).toBe(403);
    });
  });

  describe('centralised branch change (统一变更) and branch deregistration', () => {
    const court = tokens.token({ sub: 'gz-intermediate-court', roles: ['court'] });
    const changeBranches = (body: object, token = founder, parent = uscc) => http().post(`${PREFIX}/companies/${parent}/branch-changes`).set(as(token)).send(body);
    const listed = async (parent = uscc): Promise<Record<string, unknown>[]> => (await http().get(`${PREFIX}/companies/${parent}/branches`).set(as(founder))).body.items;
    let tianhe: string; // I6513, no commitment
    let nansha: string; // H6210 (food permit), trades under a commitment

    beforeAll(async () => {
      const items = await listed();
      tianhe = items.find((b) => b['name'] === `${NAME}天河分公司`)?.['uscc'] as string;
      nansha = items.find((b) => b['name'] === `${NAME}南沙营业部`)?.['uscc'] as string;
    });

    it('changes several branches in one transaction: registration.branch.changed per branch, one change id', async () => {
      const res = await changeBranches({ branchUsccs: [tianhe, nansha], personInChargeRef: 'p-c' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        changeId: expect.any(String),
        effectiveOn: expect.any(String),
        changed: [
          { uscc: tianhe, changes: [{ field: 'personInChargeRef', before: 'p-b', after: 'p-c' }] },
          { uscc: nansha, changes: [{ field: 'personInChargeRef', before: 'p-a', after: 'p-c' }] },
        ],
      });
      for (const [code, before] of [
        [tianhe, 'p-b'],
        [nansha, 'p-a'],
      ]) {
        expect(await payloads('registration.branch.changed.v1', code)).toEqual([
          { uscc: code, parentUscc: uscc, changeId: res.body.changeId, changes: [{ field: 'personInChargeRef', before, after: 'p-c' }], effectiveOn: res.body.effectiveOn },
        ]);
      }
      expect((await listed()).map((b) => b['personInChargeRef'])).toEqual(['p-c', 'p-c']);
    });

    it('all or nothing: a branch that would need a new permit refuses the whole change (422 naming the branch and the items); nothing is written', async () => {
      const before = await listed();
      const refused = await changeBranches({ branchUsccs: [nansha, tianhe], scopeCodes: ['I6513', 'H6210'], personInChargeRef: 'p-d' });
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({
        type: `${PROBLEMS}registration-branch-change-not-allowed`,
        branches: [{ uscc: tianhe, reasons: ['NEEDS_NEW_PERMIT'], permitScopeCodes: ['H6210'] }],
      });
      const outside = await changeBranches({ branchUsccs: [tianhe], scopeCodes: ['K7010'] });
      expect(outside.body).toMatchObject({ branches: [{ uscc: tianhe, reasons: ['SCOPE_NOT_SUBSET'] }] });
      expect(await listed()).toEqual(before);
      expect(await payloads('registration.branch.changed.v1', tianhe)).toHaveLength(1);
      expect(await payloads('registration.branch.changed.v1', nansha)).toHaveLength(1);
    });

    it('a branch under a commitment may move: its address and registering authority follow the new district', async () => {
      const res = await changeBranches({ branchUsccs: [nansha], standardAddressId: 'GZ-ADDR-0001' });
      expect(res.status).toBe(200);
      expect(res.body.changed).toEqual([{ uscc: nansha, changes: [{ field: 'address', before: 'GZ-ADDR-0005', after: 'GZ-ADDR-0001' }] }]);
      expect((await listed()).find((b) => b['uscc'] === nansha)).toMatchObject({ address: { standardAddressId: 'GZ-ADDR-0001', divisionCode: '440104' }, authorityCode: YX });
    });

    it('refuses a change of nothing (422), bad input (400 naming fields), a branch of another company (404), other callers (404 / 403)', async () => {
      const nothing = await changeBranches({ branchUsccs: [tianhe], personInChargeRef: 'p-c' });
      expect(nothing.status).toBe(422);
      expect(nothing.body.type).toBe(`${PROBLEMS}registration-branch-change-nothing-changed`);
      const bad = await changeBranches({ branchUsccs: ['nope', 'nope'], scopeCodes: [], personInChargeRef: '' });
      expect(bad.status).toBe(400);
      expect(fields(bad)).toEqual(['branchUsccs', 'personInChargeRef', 'scopeCodes']);
      expect((await changeBranches({ branchUsccs: [uscc], personInChargeRef: 'p-x' })).status).toBe(404); // the parent itself is not its branch
      expect((await changeBranches({ branchUsccs: [tianhe], personInChargeRef: 'p-x' }, stranger)).status).toBe(404);
      expect((await changeBranches({ branchUsccs: [tianhe], personInChargeRef: 'p-x' }, officerYx)).status).toBe(403);
      expect(await payloads('registration.branch.changed.v1', tianhe)).toHaveLength(1);
    });

    it('the parent deregisters a branch (registration.branch.deregistered, PARENT_APPLIED); once; a deregistered branch takes no change', async () => {
      const path = `${PREFIX}/companies/${uscc}/branches/${tianhe}/deregistration`;
      expect((await http().post(path).set(as(stranger)).send({})).status).toBe(404);
      const res = await http().post(path).set(as(founder)).send({ note: '门店撤并' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ uscc: tianhe, status: 'DEREGISTERED', deregistered: { reason: 'PARENT_APPLIED', by: 'filing-founder-1', note: '门店撤并' } });
      expect(await payloads('registration.branch.deregistered.v1', tianhe)).toEqual([{ uscc: tianhe, parentUscc: uscc, reason: 'PARENT_APPLIED', effectiveOn: res.body.deregistered.effectiveOn }]);
      const again = await http().post(path).set(as(founder)).send({});
      expect(again.status).toBe(409);
      expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
      const change = await changeBranches({ branchUsccs: [tianhe, nansha], personInChargeRef: 'p-e' });
      expect(change.status).toBe(422);
      expect(change.body.branches).toEqual([{ uscc: tianhe, reasons: ['BRANCH_NOT_ACTIVE'] }]);
      expect(await payloads('registration.branch.deregistered.v1', tianhe)).toHaveLength(1);
    });

    it("a company's remaining branches are deregistered with it (PARENT_DEREGISTERED), in the approval's transaction", async () => {
      const chain = await r.register('连锁', founder);
      const add = (name: string, addressId: string) =>
        http().post(`${PREFIX}/companies/${chain}/branches`).set(as(founder)).send({ name: `广州市连锁科技有限公司${name}`, standardAddressId: addressId, scopeCodes: ['I6513'], personInChargeRef: 'p-b' });
      const [first, second] = [(await add('天河分公司', 'GZ-ADDR-0004')).body.uscc as string, (await add('南沙分店', 'GZ-ADDR-0005')).body.uscc as string];
      expect((await http().post(`${PREFIX}/companies/${chain}/branches/${second}/deregistration`).set(as(founder)).send({})).status).toBe(200);

      const applied = await http().post(`${PREFIX}/companies/${chain}/deregistrations`).set(as(court)).send({ route: 'COURT', courtRulingRef: '(2027)粤01破77号' });
      expect(applied.status).toBe(201);
      const approved = await http().post(`${PREFIX}/companies/${chain}/deregistrations/${applied.body.id}/decision`).set(as(officerYx)).send({ outcome: 'APPROVE' });
      expect(approved.body.status).toBe('DEREGISTERED');
      expect((await listed(chain)).map((b) => [b['uscc'], b['status']]).sort()).toEqual(
        [
          [first, 'DEREGISTERED'],
          [second, 'DEREGISTERED'],
        ].sort(),
      );
      expect(await payloads('registration.branch.deregistered.v1', first)).toEqual([{ uscc: first, parentUscc: chain, reason: 'PARENT_DEREGISTERED', effectiveOn: expect.any(String) }]);
      expect((await payloads('registration.branch.deregistered.v1', second)).map((p) => p['reason'])).toEqual(['PARENT_APPLIED']);
    });
  });

  it('states the roles in the OpenAPI document', async () => {
    const paths = (await http().get('/openapi.json')).body.paths;
    for (const p of ['premises', 'branches']) {
      expect(paths[`${PREFIX}/companies/{uscc}/${p}`].post['x-roles']).toEqual(['applicant']);
      expect(paths[`${PREFIX}/companies/{uscc}/${p}`].get['x-roles']).toEqual(['applicant', 'officer']);
    }
    expect(paths[`${PREFIX}/companies/{uscc}/branch-changes`].post['x-roles']).toEqual(['applicant']);
    expect(paths[`${PREFIX}/companies/{uscc}/branches/{branchUscc}/deregistration`].post['x-roles']).toEqual(['applicant']);
  });
});
