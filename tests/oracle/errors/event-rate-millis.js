// EXPECTED ERROR: a rate of 500 milliseconds (not whole minutes).
const cdk = require('aws-cdk-lib');
const events = require('aws-cdk-lib/aws-events');

events.Schedule.rate(cdk.Duration.millis(500));
