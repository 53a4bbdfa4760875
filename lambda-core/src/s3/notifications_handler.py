import json
import urllib.request

s3 = None

KINDS = ("TopicConfigurations", "QueueConfigurations", "LambdaFunctionConfigurations")
EVENT_BRIDGE = "EventBridgeConfiguration"


def handler(event, context):
    status, reason = "SUCCESS", ""
    try:
        put_configuration(event, client())
    except Exception as e:
        status, reason = "FAILED", str(e)
    respond(event, status, reason)


def client():
    global s3
    if s3 is None:
        import boto3
        s3 = boto3.client("s3")
    return s3


def flag(value):
    return str(value).lower() == "true"


def put_configuration(event, s3):
    props = event["ResourceProperties"]
    bucket = props["BucketName"]
    kind = event["RequestType"]
    wanted = {} if kind == "Delete" else props.get("NotificationConfiguration") or {}
    if flag(props.get("Managed", "true")):
        config = wanted
    else:
        old = {}
        if kind != "Create":
            old = (event.get("OldResourceProperties") or {}).get("NotificationConfiguration") or {}
        current = s3.get_bucket_notification_configuration(Bucket=bucket)
        config = merge(current, old, wanted)
    s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration=config,
        SkipDestinationValidation=flag(props.get("SkipDestinationValidation", "false")),
    )


def merge(current, old, wanted):
    merged = {}
    for kind in KINDS:
        ours = [canonical(c) for c in old.get(kind, []) + wanted.get(kind, [])]
        kept = [c for c in current.get(kind, []) if canonical(c) not in ours]
        if kept + wanted.get(kind, []):
            merged[kind] = kept + wanted.get(kind, [])
    if EVENT_BRIDGE in wanted or (EVENT_BRIDGE in current and EVENT_BRIDGE not in old):
        merged[EVENT_BRIDGE] = {}
    return merged


def canonical(config):
    config = {k: v for k, v in config.items() if k != "Id"}
    rules = config.get("Filter", {}).get("Key", {}).get("FilterRules")
    if rules is not None:
        rules = sorted(({"Name": r["Name"].lower(), "Value": r["Value"]} for r in rules), key=lambda r: r["Name"])
        config["Filter"] = {"Key": {"FilterRules": rules}}
    return json.dumps(config, sort_keys=True)


def respond(event, status, reason):
    body = json.dumps({
        "Status": status,
        "Reason": reason or "OK",
        "PhysicalResourceId": event.get("PhysicalResourceId") or event["LogicalResourceId"],
        "StackId": event["StackId"],
        "RequestId": event["RequestId"],
        "LogicalResourceId": event["LogicalResourceId"],
        "NoEcho": False,
        "Data": {},
    }).encode("utf-8")
    request = urllib.request.Request(
        event["ResponseURL"], data=body, method="PUT",
        headers={"Content-Type": "", "Content-Length": str(len(body))},
    )
    with urllib.request.urlopen(request) as response:
        print("CloudFormation answered", response.status)
