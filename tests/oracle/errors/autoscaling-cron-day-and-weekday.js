// EXPECTED ERROR: a scaling schedule's cron with both a day and a week day.
const appscaling = require('aws-cdk-lib/aws-applicationautoscaling');

appscaling.Schedule.cron({ minute: '0', day: '1', weekDay: 'MON' });
