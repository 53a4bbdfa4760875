// Function timeout + CloudWatch alarm on duration (README "Function Timeout").
const path = require('path');
const cdk = require('aws-cdk-lib');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const lambda = require('aws-cdk-lib/aws-lambda');

const app = new cdk.App();
const stack = new cdk.Stack(app, path.basename(__filename, '.js'));

const fn = new lambda.Function(stack, 'MyFunction', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'fixtures', 'handler-node')),
  timeout: cdk.Duration.minutes(5),
});

if (fn.timeout) {
  new cloudwatch.Alarm(stack, 'MyAlarm', {
    metric: fn.metricDuration().with({ statistic: 'Maximum' }),
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    threshold: fn.timeout.toMilliseconds(),
    treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    alarmName: 'My Lambda Timeout',
  });
}

app.synth();
