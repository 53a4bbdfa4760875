// EXPECTED ERROR: a rate of zero.
const cdk = require('aws-cdk-lib');
const events = require('aws-cdk-lib/aws-events');

events.Schedule.rate(cdk.Duration.minutes(0));
