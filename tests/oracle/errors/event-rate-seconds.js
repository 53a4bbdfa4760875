// EXPECTED ERROR: a rate of 90 seconds (not whole minutes).
const cdk = require('aws-cdk-lib');
const events = require('aws-cdk-lib/aws-events');

events.Schedule.rate(cdk.Duration.seconds(90));
