// lambda-cdk's handler of Custom::LogRetention (written for this project; it follows the same
// resource properties and custom-resource protocol as aws-cdk-lib's provider).
//
// Properties: LogGroupName, LogGroupRegion (optional), RetentionInDays (absent: keep forever),
// SdkRetry.maxRetries (default 5), RemovalPolicy ("destroy" deletes the log group on Delete).
// Create/Update: creates the log group if it is missing, then sets or deletes its retention.
// Throttling and concurrent-operation errors are retried with exponential backoff.
'use strict';

const RETRYABLE = new Set(['ThrottlingException', 'OperationAbortedException', 'TooManyRequestsException']);

/** Calls `send(command)`, retrying retryable errors up to `maxRetries` times. */
async function withRetries(send, command, maxRetries, sleep) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(command);
    } catch (e) {
      if (!RETRYABLE.has(e && e.name) || attempt >= maxRetries) throw e;
      await sleep(Math.min(100 * 2 ** attempt, 10000));
    }
  }
}

/**
 * Does what the event asks with `logs` (an object with async createLogGroup, putRetentionPolicy,
 * deleteRetentionPolicy and deleteLogGroup, each taking the API's input), and returns the
 * response's PhysicalResourceId and Data.
 */
async function apply(event, logs, sleep) {
  const props = event.ResourceProperties || {};
  const name = props.LogGroupName;
  if (!name) throw new Error('LogGroupName is required');
  const retries = props.SdkRetry && props.SdkRetry.maxRetries !== undefined
    ? parseInt(props.SdkRetry.maxRetries, 10) : 5;
  const call = (op, input) => withRetries((i) => logs[op](i), input, retries, sleep);

  if (event.RequestType === 'Delete') {
    if (props.RemovalPolicy === 'destroy') {
      try {
        await call('deleteLogGroup', { logGroupName: name });
      } catch (e) {
        if (!(e && e.name === 'ResourceNotFoundException')) throw e;
      }
    }
  } else {
    try {
      await call('createLogGroup', { logGroupName: name });
    } catch (e) {
      if (!(e && e.name === 'ResourceAlreadyExistsException')) throw e;
    }
    if (props.RetentionInDays !== undefined) {
      await call('putRetentionPolicy', {
        logGroupName: name,
        retentionInDays: parseInt(props.RetentionInDays, 10),
      });
    } else {
      await call('deleteRetentionPolicy', { logGroupName: name });
    }
  }
  return { PhysicalResourceId: name, Data: { LogGroupName: name } };
}

/** A CloudWatch Logs client of the Lambda runtime's AWS SDK v3, in `apply`'s shape. */
function sdkLogs(region) {
  const sdk = require('@aws-sdk/client-cloudwatch-logs');
  const client = new sdk.CloudWatchLogsClient(region ? { region } : {});
  const op = (Command) => (input) => client.send(new Command(input));
  return {
    createLogGroup: op(sdk.CreateLogGroupCommand),
    putRetentionPolicy: op(sdk.PutRetentionPolicyCommand),
    deleteRetentionPolicy: op(sdk.DeleteRetentionPolicyCommand),
    deleteLogGroup: op(sdk.DeleteLogGroupCommand),
  };
}

/** PUTs the response to CloudFormation's pre-signed URL. */
function respond(event, body) {
  const https = require('https');
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(event.ResponseURL, {
      method: 'PUT',
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(json) },
    }, (res) => { res.resume(); res.on('end', resolve); });
    req.on('error', reject);
    req.end(json);
  });
}

/** The response body for `event`, from `apply`'s result or its error. */
async function handle(event, logs, sleep) {
  const base = {
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  try {
    const result = await apply(event, logs, sleep);
    return { Status: 'SUCCESS', ...base, ...result };
  } catch (e) {
    const props = event.ResourceProperties || {};
    return {
      Status: 'FAILED',
      Reason: String(e && e.message || e),
      ...base,
      PhysicalResourceId: event.PhysicalResourceId || props.LogGroupName || event.LogicalResourceId,
    };
  }
}

exports.handler = async (event) => {
  const props = event.ResourceProperties || {};
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const body = await handle(event, sdkLogs(props.LogGroupRegion), sleep);
  await respond(event, body);
};
exports.handle = handle;
