// lambda-cdk's own handler of `Custom::VpcRestrictDefaultSG` resources (written for this project,
// not taken from aws-cdk-lib): removes the default inbound and outbound rules of a VPC's default
// security group on create and update, and puts them back on delete, then answers CloudFormation
// at the event's pre-signed ResponseURL.
'use strict';

/** The rules EC2 gives every default security group: all traffic from the group itself. */
function defaultIngress(groupId, account) {
  return [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: groupId, UserId: account }] }];
}

/** ...and all outbound IPv4 traffic. */
function defaultEgress() {
  return [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
}

/** Runs `call`, treating the EC2 error `ignored` (already done) as success. */
async function tolerate(call, ignored) {
  try {
    await call();
  } catch (e) {
    if (e.name !== ignored && e.Code !== ignored && e.code !== ignored) throw e;
  }
}

async function revoke(ec2, groupId, account) {
  await tolerate(() => ec2.revokeSecurityGroupIngress({ GroupId: groupId, IpPermissions: defaultIngress(groupId, account) }), 'InvalidPermission.NotFound');
  await tolerate(() => ec2.revokeSecurityGroupEgress({ GroupId: groupId, IpPermissions: defaultEgress() }), 'InvalidPermission.NotFound');
}

async function restore(ec2, groupId, account) {
  await tolerate(() => ec2.authorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: defaultIngress(groupId, account) }), 'InvalidPermission.Duplicate');
  await tolerate(() => ec2.authorizeSecurityGroupEgress({ GroupId: groupId, IpPermissions: defaultEgress() }), 'InvalidPermission.Duplicate');
}

/**
 * Does the work of one event with the EC2 client `ec2` and returns the response body for
 * CloudFormation (never throws: a failure is a FAILED response).
 */
async function handle(event, ec2) {
  const props = event.ResourceProperties || {};
  const groupId = props.DefaultSecurityGroupId;
  const account = props.Account;
  const response = {
    Status: 'SUCCESS',
    PhysicalResourceId: event.PhysicalResourceId || groupId || event.RequestId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  try {
    if (!groupId || !account) throw new Error('DefaultSecurityGroupId and Account are required');
    switch (event.RequestType) {
      case 'Create':
        await revoke(ec2, groupId, account);
        response.PhysicalResourceId = groupId;
        break;
      case 'Update': {
        const old = (event.OldResourceProperties || {}).DefaultSecurityGroupId;
        if (old && old !== groupId) await restore(ec2, old, account);
        await revoke(ec2, groupId, account);
        response.PhysicalResourceId = groupId;
        break;
      }
      case 'Delete':
        await restore(ec2, groupId, account);
        break;
      default:
        throw new Error(`unknown request type ${event.RequestType}`);
    }
  } catch (e) {
    response.Status = 'FAILED';
    response.Reason = String(e && e.message ? e.message : e);
  }
  return response;
}

/** PUTs `body` to the pre-signed `url`, as CloudFormation expects (empty content type). */
function respond(url, body) {
  const https = require('https');
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      method: 'PUT',
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(data) },
    }, (res) => { res.resume(); res.on('end', resolve); });
    req.on('error', reject);
    req.end(data);
  });
}

/** The Lambda entry point: the AWS SDK's EC2 client, then the answer to CloudFormation. */
async function handler(event) {
  const { EC2 } = require('@aws-sdk/client-ec2');
  const body = await handle(event, new EC2({}));
  await respond(event.ResponseURL, body);
  return body;
}

module.exports = { handler, handle };
