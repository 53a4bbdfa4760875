"""The project's Custom::S3BucketNotifications handler (lambda-core/src/s3/notifications_handler.py)
against a stubbed S3 client and a stubbed CloudFormation response URL. Run by
tests/s3_notifications_handler.rs (python3 -m unittest)."""

import importlib.util
import json
import pathlib
import unittest
from unittest import mock

SOURCE = pathlib.Path(__file__).resolve().parents[2] / "lambda-core" / "src" / "s3" / "notifications_handler.py"


def load():
    spec = importlib.util.spec_from_file_location("notifications_handler", SOURCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class StubS3:
    """Records put calls; answers get calls with the bucket's current configuration."""

    def __init__(self, current=None, fail=None):
        self.current = current or {}
        self.fail = fail
        self.puts = []

    def get_bucket_notification_configuration(self, Bucket):
        return {"ResponseMetadata": {"HTTPStatusCode": 200}, **json.loads(json.dumps(self.current))}

    def put_bucket_notification_configuration(self, **kwargs):
        if self.fail:
            raise RuntimeError(self.fail)
        self.puts.append(kwargs)


LAMBDA = {
    "Events": ["s3:ObjectCreated:*"],
    "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "subdir/"}]}},
    "LambdaFunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:f",
}
FOREIGN = {
    "Id": "theirs",
    "Events": ["s3:ObjectRemoved:*"],
    "QueueArn": "arn:aws:sqs:us-east-1:123456789012:q",
}


def event(kind, managed=True, config=None, old=None):
    e = {
        "RequestType": kind,
        "ResponseURL": "https://cloudformation-response.example/abc",
        "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1",
        "RequestId": "req-1",
        "LogicalResourceId": "BucketNotifications8F2E257D",
        "ResourceProperties": {
            "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:handler",
            "BucketName": "my-bucket",
            "NotificationConfiguration": config if config is not None else {"LambdaFunctionConfigurations": [LAMBDA]},
            # CloudFormation passes booleans of custom resources as strings.
            "Managed": "true" if managed else "false",
            "SkipDestinationValidation": "false",
        },
    }
    if kind != "Create":
        e["PhysicalResourceId"] = "my-bucket-notifications"
    if old is not None:
        e["OldResourceProperties"] = {"NotificationConfiguration": old}
    return e


class Response:
    status = 200

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


class HandlerTest(unittest.TestCase):
    def run_handler(self, e, s3):
        module = load()
        module.s3 = s3
        with mock.patch.object(module.urllib.request, "urlopen", return_value=Response()) as urlopen:
            module.handler(e, None)
        self.assertEqual(urlopen.call_count, 1)
        request = urlopen.call_args[0][0]
        self.assertEqual(request.get_method(), "PUT")
        self.assertEqual(request.full_url, e["ResponseURL"])
        return json.loads(request.data)

    def test_managed_create_puts_the_configuration(self):
        s3 = StubS3()
        body = self.run_handler(event("Create"), s3)
        self.assertEqual(body["Status"], "SUCCESS")
        self.assertEqual(body["PhysicalResourceId"], "BucketNotifications8F2E257D")
        self.assertEqual(body["RequestId"], "req-1")
        self.assertEqual(body["LogicalResourceId"], "BucketNotifications8F2E257D")
        self.assertEqual(s3.puts, [{
            "Bucket": "my-bucket",
            "NotificationConfiguration": {"LambdaFunctionConfigurations": [LAMBDA]},
            "SkipDestinationValidation": False,
        }])

    def test_managed_delete_clears_and_keeps_the_physical_id(self):
        s3 = StubS3()
        body = self.run_handler(event("Delete"), s3)
        self.assertEqual(body["PhysicalResourceId"], "my-bucket-notifications")
        self.assertEqual(s3.puts[0]["NotificationConfiguration"], {})

    def test_unmanaged_bucket_keeps_notifications_it_did_not_create(self):
        theirs_lambda = dict(LAMBDA, Id="ours-from-before", Filter={"Key": {"FilterRules": [{"Name": "Prefix", "Value": "subdir/"}]}})
        s3 = StubS3(current={"QueueConfigurations": [FOREIGN], "LambdaFunctionConfigurations": [theirs_lambda]})
        new = dict(LAMBDA, Events=["s3:ObjectRemoved:*"])
        self.run_handler(event("Update", managed=False, config={"LambdaFunctionConfigurations": [new]}, old={"LambdaFunctionConfigurations": [LAMBDA]}), s3)
        self.assertEqual(s3.puts[0]["NotificationConfiguration"], {
            "QueueConfigurations": [FOREIGN],
            "LambdaFunctionConfigurations": [new],
        })

    def test_unmanaged_delete_removes_only_its_own(self):
        s3 = StubS3(current={"QueueConfigurations": [FOREIGN], "LambdaFunctionConfigurations": [dict(LAMBDA, Id="x")], "EventBridgeConfiguration": {}})
        self.run_handler(event("Delete", managed=False, old={"LambdaFunctionConfigurations": [LAMBDA]}), s3)
        self.assertEqual(s3.puts[0]["NotificationConfiguration"], {
            "QueueConfigurations": [FOREIGN],
            "EventBridgeConfiguration": {},
        })

    def test_a_failure_is_reported_to_cloudformation(self):
        s3 = StubS3(fail="Unable to validate the following destination configurations")
        body = self.run_handler(event("Create"), s3)
        self.assertEqual(body["Status"], "FAILED")
        self.assertIn("Unable to validate", body["Reason"])


if __name__ == "__main__":
    unittest.main()
