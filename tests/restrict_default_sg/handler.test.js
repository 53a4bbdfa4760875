// Tests of lambda-core/handlers/restrict-default-sg/__entrypoint__.js against a stubbed EC2
// client (run by tests/restrict_default_sg_handler.rs with node; no AWS SDK needed).
'use strict';
const assert = require('assert');
const { handle } = require('../../lambda-core/handlers/restrict-default-sg/__entrypoint__.js');

function stub(failures = {}) {
  const calls = [];
  const ec2 = {};
  for (const op of ['revokeSecurityGroupIngress', 'revokeSecurityGroupEgress',
    'authorizeSecurityGroupIngress', 'authorizeSecurityGroupEgress']) {
    ec2[op] = async (input) => {
      calls.push([op, input]);
      const next = (failures[op] || []).shift();
      if (next) { const e = new Error(`${op} failed: ${next}`); e.name = next; throw e; }
      return {};
    };
  }
  return { ec2, calls };
}
const event = (type, props, extra = {}) => ({
  RequestType: type, StackId: 'stack', RequestId: 'req', LogicalResourceId: 'VPCRestrict',
  ResourceProperties: { ServiceToken: 'arn', ...props }, ...extra,
});
const ingress = (g) => ({ GroupId: g, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: g, UserId: '123' }] }] });
const egress = (g) => ({ GroupId: g, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });

const tests = {
  async 'create revokes the default rules'() {
    const { ec2, calls } = stub();
    const r = await handle(event('Create', { DefaultSecurityGroupId: 'sg-1', Account: '123' }), ec2);
    assert.strictEqual(r.Status, 'SUCCESS');
    assert.strictEqual(r.PhysicalResourceId, 'sg-1');
    assert.deepStrictEqual(calls, [['revokeSecurityGroupIngress', ingress('sg-1')], ['revokeSecurityGroupEgress', egress('sg-1')]]);
  },
  async 'rules already gone are not an error'() {
    const { ec2 } = stub({ revokeSecurityGroupIngress: ['InvalidPermission.NotFound'] });
    const r = await handle(event('Create', { DefaultSecurityGroupId: 'sg-1', Account: '123' }), ec2);
    assert.strictEqual(r.Status, 'SUCCESS');
  },
  async 'update to another group restores the old one and restricts the new one'() {
    const { ec2, calls } = stub();
    const r = await handle(event('Update', { DefaultSecurityGroupId: 'sg-2', Account: '123' },
      { PhysicalResourceId: 'sg-1', OldResourceProperties: { DefaultSecurityGroupId: 'sg-1' } }), ec2);
    assert.strictEqual(r.Status, 'SUCCESS');
    assert.strictEqual(r.PhysicalResourceId, 'sg-2');
    assert.deepStrictEqual(calls.map((c) => [c[0], c[1].GroupId]), [
      ['authorizeSecurityGroupIngress', 'sg-1'], ['authorizeSecurityGroupEgress', 'sg-1'],
      ['revokeSecurityGroupIngress', 'sg-2'], ['revokeSecurityGroupEgress', 'sg-2']]);
  },
  async 'delete puts the default rules back, tolerating duplicates'() {
    const { ec2, calls } = stub({ authorizeSecurityGroupEgress: ['InvalidPermission.Duplicate'] });
    const r = await handle(event('Delete', { DefaultSecurityGroupId: 'sg-1', Account: '123' }, { PhysicalResourceId: 'sg-1' }), ec2);
    assert.strictEqual(r.Status, 'SUCCESS');
    assert.strictEqual(r.PhysicalResourceId, 'sg-1');
    assert.deepStrictEqual(calls, [['authorizeSecurityGroupIngress', ingress('sg-1')], ['authorizeSecurityGroupEgress', egress('sg-1')]]);
  },
  async 'other errors are a FAILED response with the reason'() {
    const { ec2 } = stub({ revokeSecurityGroupEgress: ['UnauthorizedOperation'] });
    const r = await handle(event('Create', { DefaultSecurityGroupId: 'sg-1', Account: '123' }), ec2);
    assert.strictEqual(r.Status, 'FAILED');
    assert.match(r.Reason, /UnauthorizedOperation/);
    const missing = await handle(event('Create', {}), stub().ec2);
    assert.strictEqual(missing.Status, 'FAILED');
  },
};

(async () => {
  let failed = 0;
  for (const [name, test] of Object.entries(tests)) {
    try { await test(); console.log(`ok ${name}`); } catch (e) { failed++; console.log(`not ok ${name}\n${e.stack}`); }
  }
  process.exit(failed ? 1 : 0);
})();
