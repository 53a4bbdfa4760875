// Tests of lambda-core/handlers/log-retention/index.js against a stubbed CloudWatch Logs client
// (run by tests/log_retention_handler.rs with node; no AWS SDK needed). Exits non-zero on failure.
'use strict';
const assert = require('assert');
const { handle } = require('../../lambda-core/handlers/log-retention/index.js');

/** A stub client: records calls; `failures[op]` is a list of error names thrown in turn. */
function stub(failures = {}) {
  const calls = [];
  const logs = {};
  for (const op of ['createLogGroup', 'putRetentionPolicy', 'deleteRetentionPolicy', 'deleteLogGroup']) {
    logs[op] = async (input) => {
      calls.push([op, input]);
      const next = (failures[op] || []).shift();
      if (next) { const e = new Error(`${op} failed: ${next}`); e.name = next; throw e; }
      return {};
    };
  }
  return { logs, calls };
}
const noSleep = async () => {};
const event = (type, props, extra = {}) => ({
  RequestType: type, StackId: 'stack', RequestId: 'req', LogicalResourceId: 'MyFunctionLogRetention',
  ResourceProperties: { ServiceToken: 'arn', ...props }, ...extra,
});

const tests = {
  async 'create makes the log group and sets the retention'() {
    const { logs, calls } = stub();
    const r = await handle(event('Create', { LogGroupName: '/aws/lambda/f', RetentionInDays: '7' }), logs, noSleep);
    assert.strictEqual(r.Status, 'SUCCESS');
    assert.strictEqual(r.PhysicalResourceId, '/aws/lambda/f');
    assert.deepStrictEqual(r.Data, { LogGroupName: '/aws/lambda/f' });
    assert.deepStrictEqual(calls, [
      ['createLogGroup', { logGroupName: '/aws/lambda/f' }],
      ['putRetentionPolicy', { logGroupName: '/aws/lambda/f', retentionInDays: 7 }],
    ]);
  },
  async 'an existing log group is kept; no retention deletes the policy'() {
    const { logs, calls } = stub({ createLogGroup: ['ResourceAlreadyExistsException'] });
    const r = await handle(event('Update', { LogGroupName: 'g' }), logs, noSleep);
    assert.strictEqual(r.Status, 'SUCCESS');
    assert.deepStrictEqual(calls.map((c) => c[0]), ['createLogGroup', 'deleteRetentionPolicy']);
  },
  async 'throttling is retried up to SdkRetry.maxRetries'() {
    const { logs, calls } = stub({ putRetentionPolicy: ['ThrottlingException', 'ThrottlingException'] });
    const r = await handle(event('Create', { LogGroupName: 'g', RetentionInDays: '1', SdkRetry: { maxRetries: '2' } }), logs, noSleep);
    assert.strictEqual(r.Status, 'SUCCESS');
    assert.strictEqual(calls.filter((c) => c[0] === 'putRetentionPolicy').length, 3);

    const again = stub({ putRetentionPolicy: ['ThrottlingException', 'ThrottlingException'] });
    const failed = await handle(event('Create', { LogGroupName: 'g', RetentionInDays: '1', SdkRetry: { maxRetries: '1' } }), again.logs, noSleep);
    assert.strictEqual(failed.Status, 'FAILED');
    assert.match(failed.Reason, /ThrottlingException/);
    assert.strictEqual(failed.PhysicalResourceId, 'g');
  },
  async 'other errors fail at once'() {
    const { logs, calls } = stub({ putRetentionPolicy: ['InvalidParameterException'] });
    const r = await handle(event('Create', { LogGroupName: 'g', RetentionInDays: '3' }), logs, noSleep);
    assert.strictEqual(r.Status, 'FAILED');
    assert.strictEqual(calls.filter((c) => c[0] === 'putRetentionPolicy').length, 1);
  },
  async 'delete removes the log group only with RemovalPolicy destroy'() {
    const kept = stub();
    await handle(event('Delete', { LogGroupName: 'g', RemovalPolicy: 'retain' }, { PhysicalResourceId: 'g' }), kept.logs, noSleep);
    assert.deepStrictEqual(kept.calls, []);
    const gone = stub({ deleteLogGroup: ['ResourceNotFoundException'] });
    const r = await handle(event('Delete', { LogGroupName: 'g', RemovalPolicy: 'destroy' }, { PhysicalResourceId: 'g' }), gone.logs, noSleep);
    assert.strictEqual(r.Status, 'SUCCESS');
    assert.deepStrictEqual(gone.calls, [['deleteLogGroup', { logGroupName: 'g' }]]);
  },
};

(async () => {
  let failed = 0;
  for (const [name, test] of Object.entries(tests)) {
    try { await test(); console.log(`ok   ${name}`); } catch (e) { failed++; console.log(`FAIL ${name}\n${e.stack}`); }
  }
  process.exit(failed ? 1 : 0);
})();
