// EXPECTED ERROR: a scaling schedule's rate that is not whole minutes.
const cdk = require('aws-cdk-lib');
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');

appscaling.Schedule.rate(cdk.Duration.seconds(90));
