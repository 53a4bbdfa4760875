// EXPECTED ERROR: a scaling schedule's rate of zero.
const cdk = require('aws-cdk-lib');
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');

appscaling.Schedule.rate(cdk.Duration.minutes(0));
