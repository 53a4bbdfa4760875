"""What scripts/deploy-test.sh asks of moto_server after each CDK CLI command, through boto3.

    check.py types ASSEMBLY...    per assembly, the resource types of its templates that moto's
                                  CloudFormation does not create (one line each: folder, tab, types)
    check.py deployed ASSEMBLY [--save FILE]
                                  every stack of the assembly is deployed as its template says: the
                                  template moto holds, each Lambda function's configuration, and
                                  its code equal to the staged asset (--save: what was deployed)
    check.py changed SAVED ASSEMBLY DIR
                                  every asset function of ASSEMBLY now runs code other than what
                                  SAVED recorded: a new object, whose files are DIR's as DIR is now
    check.py destroyed ASSEMBLY   every stack of the assembly is gone, and its functions with it

Endpoint, region and dummy credentials come from the environment (AWS_ENDPOINT_URL,
AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID...), as the CDK CLI reads them. Each check prints one
`ok` or `FAIL` line; the exit status is 1 if any failed.
"""

import base64
import hashlib
import importlib.util
import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError

FAILED = []
DEPLOYED = {}  # "stack/logical id" -> {key, sha, files: {name: sha256 hex}}, for --save


def ok(msg):
    print(f"  ok   {msg}")


def fail(msg):
    FAILED.append(msg)
    print(f"  FAIL {msg}")


def expect(what, actual, expected):
    """One comparison: prints it, records a failure."""
    if actual == expected:
        return True
    fail(f"{what}: deployed {actual!r}, template says {expected!r}")
    return False


class Assembly:
    """The stacks of a cloud assembly folder (cdk.out), as manifest.json lists them."""

    def __init__(self, folder):
        self.folder = Path(folder)
        manifest = json.loads((self.folder / "manifest.json").read_text())
        self.stacks = []  # (stack name, template path)
        self.assets = {}  # object key -> (bucket name pattern, staged path, packaging)
        for artifact_id, artifact in manifest.get("artifacts", {}).items():
            props = artifact.get("properties", {})
            if artifact["type"] == "aws:cloudformation:stack":
                name = props.get("stackName", artifact_id)
                self.stacks.append((name, self.folder / props["templateFile"]))
            elif artifact["type"] == "cdk:asset-manifest":
                files = json.loads((self.folder / props["file"]).read_text())["files"]
                for entry in files.values():
                    for dest in entry["destinations"].values():
                        self.assets[dest["objectKey"]] = (
                            dest["bucketName"],
                            self.folder / entry["source"]["path"],
                            entry["source"].get("packaging", "file"),
                        )

    def templates(self):
        for name, path in self.stacks:
            yield name, json.loads(path.read_text())


def functions(template):
    return {
        logical: res.get("Properties", {})
        for logical, res in template.get("Resources", {}).items()
        if res["Type"] == "AWS::Lambda::Function"
    }


def clients():
    # the CDK CLI reads AWS_REGION; boto3 only AWS_DEFAULT_REGION
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
    return {
        s: boto3.client(s, region_name=region)
        for s in ("cloudformation", "lambda", "iam", "s3", "sts")
    }


def pseudo(c):
    region = c["cloudformation"].meta.region_name
    return {
        "AWS::AccountId": c["sts"].get_caller_identity()["Account"],
        "AWS::Region": region,
        "AWS::Partition": "aws",
        "AWS::URLSuffix": "amazonaws.com",
    }


class Resolver:
    """Resolves the intrinsics our templates use in function properties, against the live stack."""

    def __init__(self, c, stack, template):
        self.c = c
        self.template = template
        self.pseudo = pseudo(c)
        summaries = c["cloudformation"].list_stack_resources(StackName=stack)[
            "StackResourceSummaries"
        ]
        # moto lists resources of types it does not create with empty ids: skip them.
        self.physical = {
            r["LogicalResourceId"]: r["PhysicalResourceId"]
            for r in summaries
            if r["LogicalResourceId"]
        }

    def ref(self, name):
        if name in self.pseudo:
            return self.pseudo[name]
        return self.physical[name]

    def get_att(self, logical, attr):
        rtype = self.template["Resources"][logical]["Type"]
        if rtype == "AWS::IAM::Role" and attr == "Arn":
            return self.c["iam"].get_role(RoleName=self.physical[logical])["Role"]["Arn"]
        if rtype == "AWS::Lambda::Function" and attr == "Arn":
            fn = self.c["lambda"].get_function(FunctionName=self.physical[logical])
            return fn["Configuration"]["FunctionArn"]
        raise ValueError(f"cannot resolve Fn::GetAtt {logical}.{attr} ({rtype})")

    def sub(self, text):
        return re.sub(r"\$\{([^}]+)\}", lambda m: str(self.var(m.group(1))), text)

    def var(self, name):
        if "." in name:
            return self.get_att(*name.split(".", 1))
        return self.ref(name)

    def __call__(self, value):
        if isinstance(value, list):
            return [self(v) for v in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            (key, arg), = value.items()
            if key == "Ref":
                return self.ref(arg)
            if key == "Fn::GetAtt":
                return self.get_att(*arg) if isinstance(arg, list) else self.var(arg)
            if key == "Fn::Sub" and isinstance(arg, str):
                return self.sub(arg)
            if key == "Fn::Join":
                sep, parts = arg
                return sep.join(str(self(p)) for p in parts)
            if key.startswith("Fn::"):
                raise ValueError(f"cannot resolve {key}")
        return {k: self(v) for k, v in value.items()}


def staged_files(path):
    """File name -> bytes of an asset folder, as the CLI zips it."""
    out = {}
    for p in sorted(path.rglob("*")):
        if p.is_file():
            out[p.relative_to(path).as_posix()] = p.read_bytes()
    return out


def digests(files):
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def zip_files(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist() if not i.is_dir()}


def sha256_b64(data):
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def moto_inline_zip(code):
    """The zip moto's CloudFormation makes of an inline `ZipFile` (moto 5.2.5,
    `LambdaFunction._create_zipfile_from_plaintext_code`: the text as `index.py`, whatever the
    runtime, beside moto's `cfnresponse.py`). Rebuilt here rather than imported: importing moto
    takes seconds. Its size is what the deployed function must report (the bytes differ by the
    zip's timestamps, the size does not)."""
    moto_dir = Path(importlib.util.find_spec("moto").origin).parent
    cfnresponse = (moto_dir / "awslambda" / "resources" / "cfnresponse.py.txt").read_text()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("index.py", code)
        z.writestr("cfnresponse.py", cfnresponse)
    return buf.getvalue()


def check_code(c, asm, resolve, where, props, config, code):
    spec = props["Code"]
    if "ZipFile" in spec:
        # moto keeps inline code in memory only (get_function has no Location for it): the
        # deployed template must hold our ZipFile, and the function a zip of exactly that text.
        expected = moto_inline_zip(spec["ZipFile"])
        if expect(f"{where} inline code size", config["CodeSize"], len(expected)):
            ok(f"{where} code: inline ZipFile ({len(spec['ZipFile'])} bytes of source)")
        return
    bucket, key = resolve(spec["S3Bucket"]), spec["S3Key"]
    location = code.get("Location", "")
    if not location.endswith("/" + key):
        fail(f"{where} Code.Location {location!r} does not name the template's key {key}")
        return
    data = c["s3"].get_object(Bucket=bucket, Key=key)["Body"].read()
    if not (
        expect(f"{where} CodeSha256 (of s3://{bucket}/{key})", config["CodeSha256"], sha256_b64(data))
        and expect(f"{where} CodeSize", config["CodeSize"], len(data))
    ):
        return
    if key not in asm.assets:
        fail(f"{where} S3Key {key} is not an asset of the assembly")
        return
    bucket_pattern, staged, packaging = asm.assets[key]
    expect(f"{where} asset bucket", bucket, resolve({"Fn::Sub": bucket_pattern}))
    if packaging == "file":
        if data == staged.read_bytes():
            ok(f"{where} code: s3://{bucket}/{key} equals {staged.name} ({len(data)} bytes)")
        else:
            fail(f"{where} code: s3://{bucket}/{key} differs from {staged.name}")
        return
    uploaded, local = zip_files(data), staged_files(staged)
    DEPLOYED[where] = {"key": key, "sha": config["CodeSha256"], "files": digests(uploaded)}
    if uploaded == local:
        ok(f"{where} code: s3://{bucket}/{key} holds {staged.name} ({len(local)} files)")
    else:
        only_up = sorted(set(uploaded) - set(local))
        only_local = sorted(set(local) - set(uploaded))
        differ = sorted(n for n in set(uploaded) & set(local) if uploaded[n] != local[n])
        fail(
            f"{where} code: uploaded zip differs from {staged.name}: only uploaded {only_up}, "
            f"only staged {only_local}, different {differ}"
        )


def check_function(c, asm, resolve, stack, logical, props):
    where = f"{stack}/{logical}"
    name = resolve.physical.get(logical)
    if not name:
        fail(f"{where}: not a resource of the deployed stack")
        return
    try:
        fn = c["lambda"].get_function(FunctionName=name)
    except ClientError as e:
        fail(f"{where}: get_function({name}): {e}")
        return
    config = fn["Configuration"]
    env = resolve(props.get("Environment", {})).get("Variables", {})
    checks = [
        ("runtime", config.get("Runtime"), props.get("Runtime")),
        ("handler", config.get("Handler"), props.get("Handler")),
        ("memory", config.get("MemorySize"), props.get("MemorySize", 128)),
        ("timeout", config.get("Timeout"), props.get("Timeout", 3)),
        ("environment", config.get("Environment", {}).get("Variables", {}), env),
        ("role", config.get("Role"), resolve(props["Role"])),
        ("description", config.get("Description", ""), props.get("Description", "")),
    ]
    if "ReservedConcurrentExecutions" in props:
        reserved = fn.get("Concurrency", {}).get("ReservedConcurrentExecutions")
        checks.append(("reserved concurrency", reserved, props["ReservedConcurrentExecutions"]))
    good = [expect(f"{where} {what}", a, e) for what, a, e in checks]
    if all(good):
        ok(
            f"{where} = {name}: {config['Runtime']} {config['Handler']}, {config['MemorySize']} MB, "
            f"{config['Timeout']} s, env {sorted(env)}, role {config['Role'].rsplit('/', 1)[-1]}"
        )
    check_code(c, asm, resolve, where, props, config, fn.get("Code", {}))


def cmd_deployed(folder, *save):
    c, asm = clients(), Assembly(folder)
    cfn = c["cloudformation"]
    for stack, template in asm.templates():
        try:
            desc = cfn.describe_stacks(StackName=stack)["Stacks"][0]
        except ClientError as e:
            fail(f"{stack}: {e}")
            continue
        if desc["StackStatus"] not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
            fail(f"{stack}: status {desc['StackStatus']}")
            continue
        body = cfn.get_template(StackName=stack)["TemplateBody"]
        body = json.loads(body) if isinstance(body, str) else json.loads(json.dumps(body))
        if expect(f"{stack} deployed template", body, template):
            ok(f"{stack}: {desc['StackStatus']}, its template is the synthesized one")
        resolve = Resolver(c, stack, template)
        missing = sorted(set(template["Resources"]) - set(resolve.physical))
        if missing:
            fail(f"{stack}: resources not created: {missing}")
        fns = functions(template)
        if not fns:
            fail(f"{stack}: no Lambda function in the template")
        for logical, props in fns.items():
            check_function(c, asm, resolve, stack, logical, props)
    if save[:1] == ("--save",):
        Path(save[1]).write_text(json.dumps(DEPLOYED, indent=1, sort_keys=True))


def cmd_changed(saved, folder, source):
    """The functions of ASSEMBLY (just redeployed) run new code: another object than the one
    SAVED recorded, and its files are those of the handler folder as it is now. Independent of
    the earlier assembly's staged files on purpose: the test must not trust the staging it tests."""
    c, asm = clients(), Assembly(folder)
    before = json.loads(Path(saved).read_text())
    now = digests(staged_files(Path(source)))
    for stack, template in asm.templates():
        resolve = Resolver(c, stack, template)
        for logical, props in functions(template).items():
            where = f"{stack}/{logical}"
            old = before.get(where)
            if old is None or "S3Key" not in props["Code"]:
                fail(f"{where}: no asset code deployed before")
                continue
            config = c["lambda"].get_function(FunctionName=resolve.physical[logical])["Configuration"]
            bucket, key = resolve(props["Code"]["S3Bucket"]), props["Code"]["S3Key"]
            live = digests(zip_files(c["s3"].get_object(Bucket=bucket, Key=key)["Body"].read()))
            changed = sorted(n for n in set(live) | set(old["files"]) if live.get(n) != old["files"].get(n))
            if key == old["key"] or config["CodeSha256"] == old["sha"]:
                fail(f"{where}: code not replaced (key {key}, CodeSha256 {config['CodeSha256']})")
            elif live != now:
                fail(f"{where}: deployed files are not {source} as it is now")
            elif not changed:
                fail(f"{where}: deployed files are the same as before")
            else:
                ok(
                    f"{where}: runs new code: {key[:12]}... (was {old['key'][:12]}...), CodeSha256 "
                    f"{config['CodeSha256']} (was {old['sha']}), changed {changed} as in {Path(source).name}/"
                )


def cmd_destroyed(folder):
    c, asm = clients(), Assembly(folder)
    names = [f["FunctionName"] for f in c["lambda"].list_functions()["Functions"]]
    for stack, template in asm.templates():
        try:
            status = c["cloudformation"].describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
        except ClientError as e:
            status = "gone" if "does not exist" in str(e) else str(e)
        if status not in ("gone", "DELETE_COMPLETE"):
            fail(f"{stack}: still there after destroy ({status})")
            continue
        # moto names a stack's functions <stack>-<logical id>-<suffix>, or as FunctionName says
        named = {p["FunctionName"] for p in functions(template).values() if isinstance(p.get("FunctionName"), str)}
        left = [n for n in names if n.startswith(f"{stack}-") or n in named]
        if left:
            fail(f"{stack}: functions left after destroy: {left}")
        else:
            ok(f"{stack}: destroyed ({status}), none of its {len(functions(template))} function(s) left")


def cmd_types(*folders):
    """One line per assembly: its folder name, a tab, the resource types moto's CloudFormation
    does not create (comma-separated; empty if it creates them all). Imports moto (slow): one
    call for all assemblies."""
    from moto.cloudformation.parsing import get_model_map

    known = get_model_map()
    for folder in folders:
        unsupported = set()
        for _stack, template in Assembly(folder).templates():
            for res in template.get("Resources", {}).values():
                t = res["Type"]
                if t not in known and not t.startswith("Custom::"):
                    unsupported.add(t)
        print(f"{Path(folder).name}\t{','.join(sorted(unsupported))}")


def main(argv):
    commands = {"deployed": cmd_deployed, "changed": cmd_changed, "destroyed": cmd_destroyed, "types": cmd_types}
    if len(argv) < 2 or argv[0] not in commands:
        sys.exit(__doc__)
    try:
        commands[argv[0]](*argv[1:])
    except (BotoCoreError, ClientError, KeyError, ValueError, OSError) as e:
        fail(f"{argv[0]} {' '.join(argv[1:])}: {type(e).__name__}: {e}")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
