// EXPECTED ERROR: a cron schedule with both a day and a week day.
const cdk = require('aws-cdk-lib');
const events = require('aws-cdk-lib/aws-events');

events.Schedule.cron({ minute: '0', day: '1', weekDay: 'MON' });
