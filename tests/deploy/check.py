"""What scripts/deploy-test.sh asks of moto_server after each CDK CLI command, through boto3.

    check.py types ASSEMBLY...    per assembly, the resource types of its templates that moto's
                                  CloudFormation does not create (one line each: folder, tab, types)
    check.py deployed ASSEMBLY [--save FILE]
                                  every stack of the assembly is deployed as its template says: the
                                  template moto holds, each Lambda function's configuration and
                                  code (the staged asset), each layer's runtimes and content, each
                                  output's value and export (--save: what was deployed)
    check.py changed SAVED ASSEMBLY DIR
                                  every asset function of ASSEMBLY now runs code other than what
                                  SAVED recorded: a new object, whose files are DIR's as DIR is now
    check.py destroyed ASSEMBLY SAVED
                                  every stack of the assembly is gone, with the functions and
                                  exports it had (SAVED: what `deployed --save` recorded)

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
# for --save: "code": "stack/logical id" -> {key, sha, files: {name: sha256 hex}} of each asset
# function; "functions": stack -> {logical id: function name} of every function deployed
DEPLOYED = {"code": {}, "functions": {}}


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
        self.tags = {}  # stack name -> the stack's tags (manifest.json), which the CLI deploys with
        self.assets = {}  # object key -> (bucket name pattern, staged path, packaging)
        for artifact_id, artifact in manifest.get("artifacts", {}).items():
            props = artifact.get("properties", {})
            if artifact["type"] == "aws:cloudformation:stack":
                name = props.get("stackName", artifact_id)
                self.stacks.append((name, self.folder / props["templateFile"]))
                self.tags[name] = props.get("tags", {})
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
        self.stack = stack
        self.template = template
        self.pseudo = pseudo(c)
        self._exports = None
        summaries = c["cloudformation"].list_stack_resources(StackName=stack)[
            "StackResourceSummaries"
        ]
        # moto lists resources of types it does not create with empty ids: skip them.
        self.physical = {
            r["LogicalResourceId"]: r["PhysicalResourceId"]
            for r in summaries
            if r["LogicalResourceId"]
        }

    def exports(self):
        """Export name -> value, as ListExports gives them (read once)."""
        if self._exports is None:
            self._exports = list_exports(self.c)
        return self._exports

    def ref(self, name):
        if name in self.pseudo:
            return self.pseudo[name]
        if not self.physical[name] and self.template["Resources"][name]["Type"] == "AWS::Lambda::LayerVersion":
            arn = self.layer_arn(name)
            if arn is None:
                raise ValueError(f"Ref {name}: no layer published for it")
            return arn
        return self.physical[name]

    def layer_arn(self, logical):
        """The ARN of the latest version of the layer moto published for LOGICAL, or None."""
        pattern = generated_name_pattern(self.stack, logical)
        for page in self.c["lambda"].get_paginator("list_layers").paginate():
            for layer in page["Layers"]:
                if pattern.fullmatch(layer["LayerName"]):
                    return layer["LatestMatchingVersion"]["LayerVersionArn"]
        return None

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
            if key == "Fn::ImportValue":
                name = self(arg)
                if name not in self.exports():
                    raise ValueError(f"Fn::ImportValue {name}: no such export")
                return self.exports()[name]
            if key == "Fn::Join":
                sep, parts = arg
                return sep.join(str(self(p)) for p in parts)
            if key.startswith("Fn::"):
                raise ValueError(f"cannot resolve {key}")
        return {k: self(v) for k, v in value.items()}


def list_exports(c):
    """Export name -> value, every page of ListExports."""
    out = {}
    for page in c["cloudformation"].get_paginator("list_exports").paginate():
        out.update({e["Name"]: e["Value"] for e in page["Exports"]})
    return out


def generated_name_pattern(stack, logical):
    """The name moto's CloudFormation gives a function or layer without an explicit name (moto 5.2.5,
    `generate_resource_name`): `<stack>-<logical id>-<12 of [0-9A-Z]>`. Exact: a logical ID is
    alphanumeric, so the names of another stack whose name starts with this one's never match."""
    return re.compile(rf"{re.escape(stack)}-{re.escape(logical)}-[0-9A-Z]{{12}}")


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
    uploaded = check_s3_asset(c, asm, resolve, f"{where} code", bucket, key, config["CodeSha256"], config["CodeSize"])
    if uploaded is not None:
        DEPLOYED["code"][where] = {"key": key, "sha": config["CodeSha256"], "files": digests(uploaded)}


def check_s3_asset(c, asm, resolve, where, bucket, key, sha, size):
    """The object s3://bucket/key is what the deployed thing reports (CodeSha256, CodeSize) and is
    the staged asset of that key (the same bytes, or a zip of the staged folder's files). Returns
    the zip's files (name -> bytes) when all holds for a folder asset, else None."""
    data = c["s3"].get_object(Bucket=bucket, Key=key)["Body"].read()
    if not (
        expect(f"{where} CodeSha256 (of s3://{bucket}/{key})", sha, sha256_b64(data))
        and expect(f"{where} CodeSize", size, len(data))
    ):
        return None
    if key not in asm.assets:
        fail(f"{where}: S3Key {key} is not an asset of the assembly")
        return None
    bucket_pattern, staged, packaging = asm.assets[key]
    expect(f"{where} asset bucket", bucket, resolve({"Fn::Sub": bucket_pattern}))
    if packaging == "file":
        if data == staged.read_bytes():
            ok(f"{where}: s3://{bucket}/{key} equals {staged.name} ({len(data)} bytes)")
        else:
            fail(f"{where}: s3://{bucket}/{key} differs from {staged.name}")
        return None
    uploaded, local = zip_files(data), staged_files(staged)
    if uploaded == local:
        ok(f"{where}: s3://{bucket}/{key} holds {staged.name} ({len(local)} files)")
        return uploaded
    only_up = sorted(set(uploaded) - set(local))
    only_local = sorted(set(local) - set(uploaded))
    differ = sorted(n for n in set(uploaded) & set(local) if uploaded[n] != local[n])
    fail(
        f"{where}: uploaded zip differs from {staged.name}: only uploaded {only_up}, "
        f"only staged {only_local}, different {differ}"
    )
    return None


def check_layer(c, asm, resolve, stack, logical, props):
    """A LayerVersion: published under moto's generated name, with the template's compatible
    runtimes, its content the staged asset. (moto lists a LayerVersion's physical id as empty and
    keeps no deployed-template view of it: it is found by name.)"""
    where = f"{stack}/{logical}"
    arn = resolve.layer_arn(logical)
    if arn is None:
        fail(f"{where}: no layer named {generated_name_pattern(stack, logical).pattern} published")
        return
    name, version = arn.split(":")[-2], int(arn.split(":")[-1])
    layer = c["lambda"].get_layer_version(LayerName=name, VersionNumber=version)
    if expect(f"{where} compatible runtimes", layer.get("CompatibleRuntimes", []), props.get("CompatibleRuntimes", [])):
        ok(f"{where} = {name}:{version}: runtimes {layer.get('CompatibleRuntimes', [])}")
    content, spec = layer["Content"], props["Content"]
    bucket, key = resolve(spec["S3Bucket"]), spec["S3Key"]
    check_s3_asset(c, asm, resolve, f"{where} content", bucket, key, content["CodeSha256"], content["CodeSize"])


# moto 5.2.5's value for `Ref` of an AWS::Lambda::LayerVersion (in outputs and exports): its
# LayerVersion model has no physical_resource_id, so moto's parser returns the model object and
# the output holds its repr. On AWS it is the layer version's ARN.
MOTO_LAYER_REF = re.compile(r"<moto\.awslambda\.models\.LayerVersion object at 0x[0-9a-f]+>")


def check_outputs(c, resolve, stack, template, desc):
    """Every output of the template is an output of the deployed stack with the resolved value,
    and each `Export` is listed by ListExports under its name with that value."""
    live = {o["OutputKey"]: o for o in desc.get("Outputs") or []}
    for key, out in template.get("Outputs", {}).items():
        where = f"{stack} output {key}"
        got = live.get(key)
        if got is None:
            fail(f"{where}: not an output of the deployed stack (outputs: {sorted(live)})")
            continue
        value, actual = out["Value"], got.get("OutputValue")
        target = value.get("Ref") if isinstance(value, dict) and len(value) == 1 else None
        if (
            template["Resources"].get(target, {}).get("Type") == "AWS::Lambda::LayerVersion"
            and MOTO_LAYER_REF.fullmatch(actual or "")
        ):
            shown = f"moto's repr of the layer (its Ref of a LayerVersion; AWS gives {resolve(value)})"
        elif expect(f"{where} value", actual, resolve(value)):
            shown = actual
        else:
            continue
        if "Export" not in out:
            ok(f"{where} = {shown}")
            continue
        name = resolve(out["Export"]["Name"])
        exported = resolve.exports().get(name)
        if expect(f"{where} export name", got.get("ExportName"), name) and expect(
            f"{where} export {name} (ListExports)", exported, actual
        ):
            ok(f"{where} = {shown}, exported as {name}")


def check_function(c, asm, resolve, stack, logical, props):
    where = f"{stack}/{logical}"
    name = resolve.physical.get(logical)
    if not name:
        fail(f"{where}: not a resource of the deployed stack")
        return
    DEPLOYED["functions"].setdefault(stack, {})[logical] = name
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
        deployed_tags = {t["Key"]: t["Value"] for t in desc.get("Tags", [])}
        if (asm.tags.get(stack) or deployed_tags) and expect(
            f"{stack} stack tags", deployed_tags, asm.tags.get(stack, {})
        ):
            ok(f"{stack}: deployed with the stack tags of manifest.json {sorted(deployed_tags)}")
        resolve = Resolver(c, stack, template)
        missing = sorted(set(template["Resources"]) - set(resolve.physical))
        if missing:
            fail(f"{stack}: resources not created: {missing}")
        fns = functions(template)
        if not fns:
            fail(f"{stack}: no Lambda function in the template")
        for logical, props in fns.items():
            check_function(c, asm, resolve, stack, logical, props)
        for logical, res in template["Resources"].items():
            if res["Type"] == "AWS::Lambda::LayerVersion":
                check_layer(c, asm, resolve, stack, logical, res.get("Properties", {}))
        check_outputs(c, resolve, stack, template, desc)
    if save[:1] == ("--save",):
        Path(save[1]).write_text(json.dumps(DEPLOYED, indent=1, sort_keys=True))


def cmd_changed(saved, folder, source):
    """The functions of ASSEMBLY (just redeployed) run new code: another object than the one
    SAVED recorded, and its files are those of the handler folder as it is now. Independent of
    the earlier assembly's staged files on purpose: the test must not trust the staging it tests."""
    c, asm = clients(), Assembly(folder)
    before = json.loads(Path(saved).read_text())["code"]
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


def cmd_destroyed(folder, saved):
    """Every stack of the assembly is gone, with the functions `deployed --save SAVED` recorded
    (their names, exact) and the stack's exports; and no other function has the name moto would
    give one of the stack's."""
    c, asm = clients(), Assembly(folder)
    deployed = json.loads(Path(saved).read_text())["functions"]
    names = {
        f["FunctionName"]
        for page in c["lambda"].get_paginator("list_functions").paginate()
        for f in page["Functions"]
    }
    exports = list_exports(c)
    for stack, template in asm.templates():
        try:
            status = c["cloudformation"].describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
        except ClientError as e:
            status = "gone" if "does not exist" in str(e) else str(e)
        if status not in ("gone", "DELETE_COMPLETE"):
            fail(f"{stack}: still there after destroy ({status})")
            continue
        fns = functions(template)
        mine = deployed.get(stack, {})
        if sorted(mine) != sorted(fns):
            fail(f"{stack}: {saved} records functions {sorted(mine)}, the template has {sorted(fns)}")
            continue
        left = sorted(n for n in mine.values() if n in names)
        if left:
            fail(f"{stack}: functions left after destroy: {left}")
        exported = [o["Export"]["Name"] for o in template.get("Outputs", {}).values() if "Export" in o]
        still = sorted(set(exports) & {e for e in exported if isinstance(e, str)})
        if still:
            fail(f"{stack}: exports left after destroy: {still}")
        # Others of its names (moto's <stack>-<logical id>-<suffix>, exact: never those of a stack
        # whose name starts with this one's): moto 5.2.5 makes them when the CLI's DescribeStacks
        # polls a deleted stack that has exports (its OutputMap.exports resolves the export values
        # again through the ResourceMap, which creates anew each resource the delete removed, under
        # a new name). Only then are they moto's, not ours.
        patterns = [generated_name_pattern(stack, logical) for logical in fns]
        others = sorted(n for n in names if n not in left and any(p.fullmatch(n) for p in patterns))
        if others and not exported:
            fail(f"{stack}: functions named as its own left after destroy: {others}")
        elif others:
            print(f"  note {stack}: moto re-created {others} when the deleted stack's exports were read")
        if not left and not still and not (others and not exported):
            extra = f" and none of its {len(exported)} export(s)" if exported else ""
            ok(f"{stack}: destroyed ({status}), none of its {len(fns)} function(s) {sorted(mine.values())}{extra} left")


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
